package io.github.dingtalkboot.test.app;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTaskOperations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's endpoint that shows how a bulk move is going.
 */
@RestController
public class TaskStatusController {

	private final StorageTaskOperations tasks;

	public TaskStatusController(StorageTaskOperations tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/moves/{taskId}")
	Mono<String> status(@PathVariable String taskId) {
		return this.tasks.getTask(taskId, "operator").map((task) -> task.status().name());
	}

}
