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

import org.jspecify.annotations.Nullable;

/**
 * A tracked task could not be followed to its end. Published by the
 * {@link StorageTaskTracker} at least once per task; the task is no longer tracked.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
public final class StorageTaskTrackingFailedEvent {

	private final TrackedTask trackedTask;

	private final Reason reason;

	private final @Nullable Throwable lastException;

	/**
	 * Create an event.
	 * @param trackedTask the tracked task, with its last state
	 * @param reason why tracking ended
	 * @param lastException the exception of the last failed poll, or {@code null}
	 */
	public StorageTaskTrackingFailedEvent(TrackedTask trackedTask, Reason reason, @Nullable Throwable lastException) {
		this.trackedTask = trackedTask;
		this.reason = reason;
		this.lastException = lastException;
	}

	/**
	 * The tracked task, with its attributes and the last state seen.
	 * @return the tracked task
	 */
	public TrackedTask getTrackedTask() {
		return this.trackedTask;
	}

	/**
	 * Why the task could not be followed.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * The exception of the last poll that failed, if the last poll failed.
	 * @return the exception ({@link StorageTaskNotFoundException} for
	 * {@link Reason#TASK_NOT_FOUND}), or {@code null}
	 */
	public @Nullable Throwable getLastException() {
		return this.lastException;
	}

	@Override
	public String toString() {
		return "StorageTaskTrackingFailedEvent[taskId=" + this.trackedTask.taskId() + ", reason=" + this.reason + "]";
	}

	/**
	 * Why a task could not be followed.
	 */
	public enum Reason {

		/**
		 * DingTalk no longer knows the task ({@code taskNotExist}).
		 */
		TASK_NOT_FOUND,

		/**
		 * The task was tracked longer than {@code dingtalk.tracker.max-age}.
		 */
		MAX_AGE_EXCEEDED,

		/**
		 * DingTalk refuses the task's corp a token: the corp withdrew its authorisation
		 * of the third-party app ({@code invalidAuthInfo}).
		 * @since 0.3.0
		 */
		UNAUTHORIZED

	}

}
