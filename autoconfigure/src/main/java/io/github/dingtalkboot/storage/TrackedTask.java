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

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A task the {@link StorageTaskTracker} follows.
 *
 * @param taskId the task id
 * @param unionId the operator the task is polled as
 * @param attributes the caller's correlation data (a user id, a job id), unmodifiable
 * @param trackedAt when tracking started
 * @param lastState the state of the latest poll, or {@code null} before the first one
 * @param undeliveredSince when its event was set aside after every offer to the listeners
 * failed (see {@link StorageTaskTracker#redeliver(String)}), or {@code null}
 * @param corpId the corp of a third-party app the task is polled for (with that corp's
 * token, on any instance), or {@code null} for an internal app or calls that name no corp
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
public record TrackedTask(String taskId, String unionId, Map<String, String> attributes, Instant trackedAt,
		@Nullable StorageTask lastState, @Nullable Instant undeliveredSince, @Nullable String corpId) {

	/**
	 * Copy the attributes, so that the caller's map may change afterwards.
	 */
	public TrackedTask {
		attributes = Map.copyOf(attributes);
	}

	/**
	 * Create a task whose event, if any, was not set aside.
	 * @param taskId the task id
	 * @param unionId the operator the task is polled as
	 * @param attributes the caller's correlation data
	 * @param trackedAt when tracking started
	 * @param lastState the state of the latest poll, or {@code null} before the first one
	 */
	public TrackedTask(String taskId, String unionId, Map<String, String> attributes, Instant trackedAt,
			@Nullable StorageTask lastState) {
		this(taskId, unionId, attributes, trackedAt, lastState, null, null);
	}

	/**
	 * Create a task that names no corp.
	 * @param taskId the task id
	 * @param unionId the operator the task is polled as
	 * @param attributes the caller's correlation data
	 * @param trackedAt when tracking started
	 * @param lastState the state of the latest poll, or {@code null} before the first one
	 * @param undeliveredSince when its event was set aside, or {@code null}
	 */
	public TrackedTask(String taskId, String unionId, Map<String, String> attributes, Instant trackedAt,
			@Nullable StorageTask lastState, @Nullable Instant undeliveredSince) {
		this(taskId, unionId, attributes, trackedAt, lastState, undeliveredSince, null);
	}

	/**
	 * This task with another last state.
	 * @param state the state of the latest poll
	 * @return the new record
	 */
	public TrackedTask withLastState(StorageTask state) {
		return new TrackedTask(this.taskId, this.unionId, this.attributes, this.trackedAt, state, this.undeliveredSince,
				this.corpId);
	}

	/**
	 * This task with its event set aside, or offered again.
	 * @param since when the event was set aside, or {@code null} to offer it again
	 * @return the new record
	 */
	public TrackedTask withUndeliveredSince(@Nullable Instant since) {
		return new TrackedTask(this.taskId, this.unionId, this.attributes, this.trackedAt, this.lastState, since,
				this.corpId);
	}

}
