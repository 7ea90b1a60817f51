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

package io.github.dingtalkboot.sample;

import java.util.Map;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The application's own service: it only knows {@link StorageTaskOperations} and
 * {@link StorageTaskTracker}. Each method takes the corp a third-party app calls for
 * ({@code forCorp}), or {@code null} for calls that name none (an internal app, or the
 * default corp).
 *
 * @author dingtalk-spring-boot maintainers
 */
@Service
public class TaskService {

	private final StorageTaskOperations storageTasks;

	private final StorageTaskTracker tracker;

	private final String operator;

	public TaskService(StorageTaskOperations storageTasks, StorageTaskTracker tracker,
			@Value("${dingtalk.storage.union-id}") String operator) {
		this.storageTasks = storageTasks;
		this.tracker = tracker;
		this.operator = operator;
	}

	/**
	 * Have a notice posted when a task ends ({@link CompletionNotices} listens for the
	 * tracker's events), even if this instance restarts meanwhile (with Redis).
	 * @param corpId the corp, or {@code null}
	 * @param taskId the task id
	 * @param startedBy who started it, handed back with the event
	 * @return a Mono that completes once the task is tracked
	 */
	public Mono<Void> noticeWhenDone(@Nullable String corpId, String taskId, String startedBy) {
		StorageTaskTracker tracker = (corpId != null) ? this.tracker.forCorp(corpId) : this.tracker;
		return tracker.track(taskId, this.operator, Map.of("startedBy", startedBy));
	}

	/**
	 * The current state of a task, as the operator configured in
	 * {@code dingtalk.storage.union-id}.
	 * @param corpId the corp, or {@code null}
	 * @param taskId the task id
	 * @return the task
	 */
	public Mono<StorageTask> currentState(@Nullable String corpId, String taskId) {
		return operations(corpId).getTask(taskId);
	}

	/**
	 * Each change of a task until it finishes.
	 * @param corpId the corp, or {@code null}
	 * @param taskId the task id
	 * @return the states, ending with SUCCESS or FAIL
	 */
	public Flux<StorageTask> progress(@Nullable String corpId, String taskId) {
		return operations(corpId).watchTask(taskId);
	}

	private StorageTaskOperations operations(@Nullable String corpId) {
		return (corpId != null) ? this.storageTasks.forCorp(corpId) : this.storageTasks;
	}

}
