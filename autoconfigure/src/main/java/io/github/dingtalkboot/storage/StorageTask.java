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

import org.jspecify.annotations.Nullable;

/**
 * A storage task as DingTalk reports it: a bulk move, copy, delete or restore running
 * asynchronously.
 *
 * @param id the task id
 * @param status the status
 * @param totalCount the number of subtasks, {@code 0} when DingTalk did not say
 * @param successCount the number of subtasks that succeeded, {@code 0} when DingTalk did
 * not say
 * @param failCount the number of subtasks that failed, {@code 0} when DingTalk did not
 * say
 * @param failMessage why the task failed, or {@code null}
 * @param beginTime when the task started, or {@code null}
 * @param endTime when the task ended, or {@code null}
 * @param rawStatus the status exactly as DingTalk sent it (useful in logs when
 * {@code status} is {@link StorageTaskStatus#UNKNOWN}), or {@code null} when it sent none
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public record StorageTask(@Nullable String id, StorageTaskStatus status, long totalCount, long successCount,
		long failCount, @Nullable String failMessage, @Nullable Instant beginTime, @Nullable Instant endTime,
		@Nullable String rawStatus) {

	/**
	 * Create a task whose raw status is the name of {@code status}.
	 * @param id the task id
	 * @param status the status
	 * @param totalCount the number of subtasks
	 * @param successCount the number of subtasks that succeeded
	 * @param failCount the number of subtasks that failed
	 * @param failMessage why the task failed, or {@code null}
	 * @param beginTime when the task started, or {@code null}
	 * @param endTime when the task ended, or {@code null}
	 */
	public StorageTask(@Nullable String id, StorageTaskStatus status, long totalCount, long successCount,
			long failCount, @Nullable String failMessage, @Nullable Instant beginTime, @Nullable Instant endTime) {
		this(id, status, totalCount, successCount, failCount, failMessage, beginTime, endTime, status.name());
	}

	/**
	 * Whether the task has finished and will not change any more.
	 * @return {@code true} when the status is {@link StorageTaskStatus#SUCCESS} or
	 * {@link StorageTaskStatus#FAIL}
	 */
	public boolean isTerminal() {
		return this.status.isTerminal();
	}

}
