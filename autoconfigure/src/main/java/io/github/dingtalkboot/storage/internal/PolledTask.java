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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkboot.storage.StorageTask;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * One task the schedule polls, and where its polling stands: who follows it (watches, the
 * tracker), its last answer, the poll in flight and when it is due. Read and written on
 * the schedule's loop only, by the schedule and its {@link DueTasks}.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class PolledTask {

	final TaskKey key;

	final String unionId;

	final PollPlanner planner;

	final List<TaskWatcher> watchers = new ArrayList<>(1);

	@Nullable TaskFollower follower;

	long answeredAt;

	/** Whether {@link #likelyAt} is a prediction from progress. */
	boolean predicted;

	/**
	 * When the task has most likely ended: its predicted end, else its promise; for a
	 * task never seen, when it was added.
	 */
	long likelyAt;

	long promiseAt;

	long spareAt;

	@Nullable Disposable poll;

	@Nullable StorageTask last;

	private final Duration initialInterval;

	PolledTask(TaskKey key, String unionId, StorageTaskSettings settings, long addedAt) {
		this.key = key;
		this.unionId = unionId;
		this.planner = new PollPlanner(settings);
		this.initialInterval = settings.initialPollInterval();
		this.answeredAt = addedAt;
		this.likelyAt = addedAt;
		this.promiseAt = addedAt;
		this.spareAt = addedAt;
	}

	void plan(PollPlanner.Plan plan, long now) {
		Duration likely = plan.likely();
		this.answeredAt = now;
		this.predicted = likely != null;
		this.promiseAt = now + plan.promise().toNanos();
		this.likelyAt = (likely != null) ? now + likely.toNanos() : this.promiseAt;
		this.spareAt = plan.spare() ? now + this.initialInterval.toNanos() : Long.MAX_VALUE;
	}

	boolean isUnused() {
		return this.watchers.isEmpty() && this.follower == null;
	}

}
