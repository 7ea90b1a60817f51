/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.storage.internal;

import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTask;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.util.context.ContextView;

/**
 * One watch of a task: its sink, its subscriber's context (for the polls' parent
 * observation) and the last state it emitted. Filtering unchanged answers here, and
 * detaching itself when it ends, costs a watch less than two operators and a lambda.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TaskWatcher implements Consumer<SignalType> {

	private final TaskKey key;

	private final Sinks.Many<StorageTask> sink;

	private final ContextView context;

	private final Runnable onAnswer;

	private final Consumer<TaskWatcher> onEnd;

	// read and written on the loop only
	private @Nullable StorageTask last;

	/**
	 * Create a watcher.
	 * @param key the task watched
	 * @param sink where its states go
	 * @param context the subscriber's context
	 * @param onAnswer run for every answer, changed or not
	 * @param onEnd told when the watch ends, however it ends
	 */
	TaskWatcher(TaskKey key, Sinks.Many<StorageTask> sink, ContextView context, Runnable onAnswer,
			Consumer<TaskWatcher> onEnd) {
		this.key = key;
		this.sink = sink;
		this.context = context;
		this.onAnswer = onAnswer;
		this.onEnd = onEnd;
	}

	TaskKey key() {
		return this.key;
	}

	Sinks.Many<StorageTask> sink() {
		return this.sink;
	}

	ContextView context() {
		return this.context;
	}

	void offer(StorageTask answer) {
		this.onAnswer.run();
		StorageTask last = this.last;
		if (last == null || !TaskProgress.same(last, answer)) {
			this.last = answer;
			this.sink.tryEmitNext(answer);
		}
	}

	@Override
	public void accept(SignalType signal) {
		this.onEnd.accept(this);
	}

}
