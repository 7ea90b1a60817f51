package io.github.dingtalkboot.sample;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The application's own service: it only knows {@link StorageTaskOperations} and
 * {@link StorageTaskTracker}.
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
	 * @param taskId the task id
	 * @param startedBy who started it, handed back with the event
	 * @return a Mono that completes once the task is tracked
	 */
	public Mono<Void> noticeWhenDone(String taskId, String startedBy) {
		return this.tracker.track(taskId, this.operator, Map.of("startedBy", startedBy));
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
