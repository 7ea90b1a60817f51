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

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * DingTalk's storage task API: asks how an asynchronous bulk move, copy, delete or
 * restore is going, once, as a stream of changes, or until it finishes. The starter
 * declares a bean of this type; inject it.
 * <p>
 * Every request of the application to the storage task API is paced by one client-side
 * rate limit ({@code dingtalk.rate-limit.*}), however many tasks are watched at once.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public interface StorageTaskOperations {

	/**
	 * Get a task's current state ({@code GET /v1.0/storage/tasks/{taskId}?unionId=…}).
	 * @param taskId the task id DingTalk returned when the bulk operation started
	 * @param unionId the unionId of the operator
	 * @return a Mono of the task; fails with {@link StorageTaskNotFoundException} when
	 * DingTalk knows no such task, another {@code DingTalkException} when the call fails,
	 * or {@link IllegalArgumentException} (nothing sent) when an argument is null or
	 * blank
	 */
	Mono<StorageTask> getTask(String taskId, String unionId);

	/**
	 * Get a task's current state as the operator set in
	 * {@code dingtalk.storage.union-id}.
	 * @param taskId the task id
	 * @return a Mono of the task; fails with {@link IllegalStateException} (nothing sent)
	 * when {@code dingtalk.storage.union-id} is not set
	 * @see #getTask(String, String)
	 */
	Mono<StorageTask> getTask(String taskId);

	/**
	 * Follow a task: poll it, emit its first state and then each change (of status or of
	 * any count) exactly once, and complete right after a terminal state (SUCCESS or
	 * FAIL). All watches and tracked tasks share one poll schedule: a task followed
	 * already (watched, or tracked by the {@link StorageTaskTracker}) costs no extra
	 * polls, and the watch starts with the state last seen. A task that reports its
	 * counts is polled around the end its progress predicts; one without counts is polled
	 * after {@code dingtalk.storage.poll.initial-interval}, then less often while nothing
	 * changes, and again after the initial interval after a change. Cancelling the last
	 * watch of a task stops polling it at once.
	 * @param taskId the task id
	 * @param unionId the unionId of the operator
	 * @return the states; fails with the typed exception of a failed poll (after retries)
	 */
	Flux<StorageTask> watchTask(String taskId, String unionId);

	/**
	 * Follow a task as the operator set in {@code dingtalk.storage.union-id}.
	 * @param taskId the task id
	 * @return the states
	 * @see #watchTask(String, String)
	 */
	Flux<StorageTask> watchTask(String taskId);

	/**
	 * Wait until a task finishes. A FAIL task is a result, not an error.
	 * @param taskId the task id
	 * @param unionId the unionId of the operator
	 * @param timeout how long to wait
	 * @return the terminal task; fails with {@link StorageTaskTimeoutException} (carrying
	 * the last state seen) when {@code timeout} passes first, and polling stops
	 */
	Mono<StorageTask> awaitTask(String taskId, String unionId, Duration timeout);

	/**
	 * Wait until a task finishes, as the operator set in
	 * {@code dingtalk.storage.union-id}, for at most
	 * {@code dingtalk.storage.await-timeout}.
	 * @param taskId the task id
	 * @return the terminal task
	 * @see #awaitTask(String, String, Duration)
	 */
	Mono<StorageTask> awaitTask(String taskId);

	/**
	 * This API on behalf of one corp (organisation) that authorised a third-party
	 * enterprise app: every call of the view is made with that corp's access token. The
	 * view shares the application's rate limit and poll schedule, in which the corps take
	 * turns.
	 * @param corpId the id of the corp that authorised the app
	 * @return the view
	 * @throws IllegalArgumentException when the corp id is blank, longer than 128
	 * characters, or holds control or white-space characters
	 * @throws UnsupportedOperationException when this application is not a third-party
	 * app (an internal app, a fixed token, or an implementation that serves no corps)
	 * @since 0.3.0
	 */
	default StorageTaskOperations forCorp(String corpId) {
		throw new UnsupportedOperationException(getClass().getName() + " serves no corps: forCorp needs the "
				+ "StorageTaskOperations of a third-party enterprise app");
	}

}
