package io.github.dingtalkboot.sample;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;

import org.springframework.stereotype.Service;

/**
 * The application's own service: it only knows {@link StorageTaskOperations}.
 */
@Service
public class TaskService {

	private final StorageTaskOperations storageTasks;

	public TaskService(StorageTaskOperations storageTasks) {
		this.storageTasks = storageTasks;
	}

	/**
	 * The current state of a task, as the operator configured in
	 * {@code dingtalk.storage.union-id}.
	 * @param taskId the task id
	 * @return the task
	 */
	public Mono<StorageTask> currentState(String taskId) {
		return this.storageTasks.getTask(taskId);
	}

	/**
	 * Each change of a task until it finishes.
	 * @param taskId the task id
	 * @return the states, ending with SUCCESS or FAIL
	 */
	public Flux<StorageTask> progress(String taskId) {
		return this.storageTasks.watchTask(taskId);
	}

}
