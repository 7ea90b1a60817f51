package io.github.dingtalkboot.sample.sandbox;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.sample.TaskService;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts demo bulk operations in the sandbox (there is no such endpoint against the real
 * DingTalk), only while the sandbox runs.
 */
@RestController
@Conditional(SandboxCondition.class)
class DemoController {

	private final SandboxDingTalk sandbox;

	private final TaskService tasks;

	DemoController(SandboxDingTalk sandbox, TaskService tasks) {
		this.sandbox = sandbox;
		this.tasks = tasks;
	}

	/**
	 * Start a demo task, tracked so that a notice shows when it ends.
	 */
	@PostMapping("/api/demo/tasks")
	Mono<Map<String, String>> start() {
		String taskId = this.sandbox.startDemoTask();
		return this.tasks.noticeWhenDone(taskId, "the demo page").thenReturn(Map.of("taskId", taskId));
	}

}
