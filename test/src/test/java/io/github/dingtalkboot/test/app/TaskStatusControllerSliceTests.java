package io.github.dingtalkboot.test.app;

import org.junit.jupiter.api.Test;

import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The annotation in a slice, which loads no auto-configuration of its own accord: it
 * brings the starter's with the sandbox.
 */
@WebFluxTest(TaskStatusController.class)
@AutoConfigureDingTalkSandbox
class TaskStatusControllerSliceTests {

	@Autowired
	private WebTestClient web;

	@Autowired
	private DingTalkSandbox dingtalk;

	@Test
	void theControllerShowsTheStateOfTheSandboxsTask() {
		this.dingtalk.task("move-9").subtasks(3).stepTo(StorageTaskStatus.IN_PROGRESS, 1, 0);

		this.web.get()
			.uri("/moves/move-9")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("IN_PROGRESS");
	}

}
