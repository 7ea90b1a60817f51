package io.github.dingtalkboot.sample;

import org.jspecify.annotations.Nullable;
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
 * {@link StorageTaskTracker}. Each method takes the corp a third-party app calls for
 * ({@code forCorp}), or {@code null} for calls that name none (an internal app, or the
 * default corp).
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
