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

/**
 * DingTalk's storage task API for blocking code: Spring MVC controllers, batch jobs,
 * virtual threads. The starter declares a bean of this type next to
 * {@link StorageTaskOperations}; inject it.
 * <p>
 * Each method throws the same exceptions as the reactive method of the same name,
 * unwrapped: a {@code DingTalkException} subclass when the call fails,
 * {@link IllegalArgumentException} for null or blank arguments. No method blocks without
 * a bound: {@code getTask} waits at most the call timeout the bean was made with (see the
 * README), {@code awaitTask} its timeout and then that call timeout for the poll in
 * flight; after that the call fails with a {@code DingTalkTransportException}. An
 * interrupt cancels the call. Calling from a thread that must not block (a Reactor Netty
 * event loop, a Reactor parallel thread) fails at once with
 * {@link IllegalStateException}.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public interface BlockingStorageTaskOperations {

	/**
	 * Get a task's current state.
	 * @param taskId the task id DingTalk returned when the bulk operation started
	 * @param unionId the unionId of the operator
	 * @return the task
	 * @see StorageTaskOperations#getTask(String, String)
	 */
	StorageTask getTask(String taskId, String unionId);

	/**
	 * Get a task's current state as the operator set in
	 * {@code dingtalk.storage.union-id}.
	 * @param taskId the task id
	 * @return the task
	 * @see StorageTaskOperations#getTask(String)
	 */
	StorageTask getTask(String taskId);

	/**
	 * Wait until a task finishes. A FAIL task is a result, not an error.
	 * @param taskId the task id
	 * @param unionId the unionId of the operator
	 * @param timeout how long to wait
	 * @return the terminal task; throws {@link StorageTaskTimeoutException} when
	 * {@code timeout} passes first
	 * @see StorageTaskOperations#awaitTask(String, String, Duration)
	 */
	StorageTask awaitTask(String taskId, String unionId, Duration timeout);

	/**
	 * Wait until a task finishes, as the operator set in
	 * {@code dingtalk.storage.union-id}, for at most
	 * {@code dingtalk.storage.await-timeout}.
	 * @param taskId the task id
	 * @return the terminal task
	 * @see StorageTaskOperations#awaitTask(String)
	 */
	StorageTask awaitTask(String taskId);

	/**
	 * These operations on behalf of one corp (organisation) that authorised a third-party
	 * enterprise app, with the same bounds.
	 * @param corpId the id of the corp that authorised the app
	 * @return the view
	 * @throws IllegalArgumentException when the corp id is blank, longer than 128
	 * characters, or holds control or white-space characters
	 * @throws UnsupportedOperationException when this application is not a third-party
	 * app
	 * @since 0.3.0
	 * @see StorageTaskOperations#forCorp(String)
	 */
	default BlockingStorageTaskOperations forCorp(String corpId) {
		throw new UnsupportedOperationException(getClass().getName() + " serves no corps: forCorp needs the "
				+ "BlockingStorageTaskOperations of a third-party enterprise app");
	}

	/**
	 * Blocking operations on top of reactive ones.
	 * @param operations the reactive operations
	 * @param callTimeout the longest a single {@code getTask} may block
	 * @param defaultAwaitTimeout the timeout of {@link #awaitTask(String)}, as
	 * {@code operations.awaitTask(taskId)} applies it
	 * @return the blocking operations
	 */
	static BlockingStorageTaskOperations of(StorageTaskOperations operations, Duration callTimeout,
			Duration defaultAwaitTimeout) {
		return of(new BlockingCalls(operations, callTimeout, defaultAwaitTimeout));
	}

	private static BlockingStorageTaskOperations of(BlockingCalls calls) {
		return new BlockingStorageTaskOperations() {

			@Override
			public StorageTask getTask(String taskId, String unionId) {
				return calls.getTask(taskId, unionId);
			}

			@Override
			public StorageTask getTask(String taskId) {
				return calls.getTask(taskId);
			}

			@Override
			public StorageTask awaitTask(String taskId, String unionId, Duration timeout) {
				return calls.awaitTask(taskId, unionId, timeout);
			}

			@Override
			public StorageTask awaitTask(String taskId) {
				return calls.awaitTask(taskId);
			}

			@Override
			public BlockingStorageTaskOperations forCorp(String corpId) {
				return of(calls.forCorp(corpId));
			}

		};
	}

}
