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

import io.github.dingtalkboot.storage.TrackedTask;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Sinks;

/**
 * One task this instance holds and how its tracking stands. Read and written on the
 * schedule's loop only.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TrackedEntry {

	TrackedTask task;

	/**
	 * When the lease runs out by the loop's clock; never for a task the store lacks.
	 */
	long leaseUntil;

	/** Whether it is not polled because its lease ran out. */
	boolean suspended;

	/** Whether the store lacks it (it did not answer when the task was tracked). */
	boolean unsaved;

	@Nullable Throwable lastError;

	/** Set once its event is being delivered: done when the delivery ended. */
	Sinks.@Nullable Empty<Void> delivered;

	TrackedEntry(TrackedTask task, long leaseUntil, boolean unsaved) {
		this.task = task;
		this.leaseUntil = leaseUntil;
		this.unsaved = unsaved;
	}

	String taskId() {
		return this.task.taskId();
	}

	boolean isFollowed() {
		return this.delivered == null;
	}

}
