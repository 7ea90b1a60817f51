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

package io.github.dingtalkboot.test.app;

import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox;
import org.junit.jupiter.api.Test;

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
