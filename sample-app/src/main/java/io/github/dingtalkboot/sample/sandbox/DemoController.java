package io.github.dingtalkboot.sample.sandbox;

import java.util.Map;

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

	DemoController(SandboxDingTalk sandbox) {
		this.sandbox = sandbox;
	}

	@PostMapping("/api/demo/tasks")
	Map<String, String> start() {
		return Map.of("taskId", this.sandbox.startDemoTask());
	}

}
