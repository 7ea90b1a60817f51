package io.github.dingtalkboot.storage;

import reactor.core.publisher.Mono;

/**
 * DingTalk's storage task API: asks how an asynchronous bulk move, copy, delete or restore is going.
 * The starter declares a bean of this type; inject it.
 */
public interface StorageTaskOperations {

	/**
	 * Get a task's current state ({@code GET /v1.0/storage/tasks/{taskId}?unionId=…}).
	 * @param taskId the task id DingTalk returned when the bulk operation started
	 * @param unionId the unionId of the operator
	 * @return a Mono of the task; fails with {@link StorageTaskNotFoundException} when DingTalk knows
	 * no such task, another {@code DingTalkException} when the call fails, or
	 * {@link IllegalArgumentException} (nothing sent) when an argument is null or blank
	 */
	Mono<StorageTask> getTask(String taskId, String unionId);

	/**
	 * Get a task's current state as the operator set in {@code dingtalk.storage.union-id}.
	 * @param taskId the task id
	 * @return a Mono of the task; fails with {@link IllegalStateException} (nothing sent) when
	 * {@code dingtalk.storage.union-id} is not set
	 * @see #getTask(String, String)
	 */
	Mono<StorageTask> getTask(String taskId);

}
