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

package io.github.dingtalkboot.storage;

/**
 * A tracked task ended: DingTalk reported SUCCESS or FAIL. Published by the
 * {@link StorageTaskTracker} at least once per task; a listener that throws gets it
 * again.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
public final class StorageTaskCompletedEvent {

	private final StorageTask task;

	private final TrackedTask trackedTask;

	/**
	 * Create an event.
	 * @param task the terminal state
	 * @param trackedTask the tracked task, with its attributes
	 */
	public StorageTaskCompletedEvent(StorageTask task, TrackedTask trackedTask) {
		this.task = task;
		this.trackedTask = trackedTask;
	}

	/**
	 * The task as DingTalk reported it at the end.
	 * @return the terminal task: {@link StorageTask#isTerminal()} is {@code true}
	 */
	public StorageTask getTask() {
		return this.task;
	}

	/**
	 * The tracked task, with the attributes given to
	 * {@link StorageTaskTracker#track(String, String, java.util.Map)}.
	 * @return the tracked task
	 */
	public TrackedTask getTrackedTask() {
		return this.trackedTask;
	}

	@Override
	public String toString() {
		return "StorageTaskCompletedEvent[taskId=" + this.trackedTask.taskId() + ", status=" + this.task.status() + "]";
	}

}
