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

package io.github.dingtalkboot.sample;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox pushes the corps' authorisations to the sample's callback endpoint,
 * encrypted as DingTalk does: a corp that withdraws is listed, its token forgotten, and
 * its tracked task ends unauthorised; one that authorises again is listed again. Tasks
 * last a minute here, so none ends before its corp withdraws.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.sandbox.failure-rate=0", "sample.sandbox.task-duration=60s",
				"dingtalk.storage.poll.initial-interval=100ms", "dingtalk.storage.poll.max-interval=300ms" })
class SampleCorpAuthorizationTests {

	@LocalServerPort
	private int port;

	private WebTestClient web;

	@BeforeEach
	void client() {
		this.web = SampleHttp.client(this.port);
	}

	@Test
	void aCorpThatWithdrawsIsListedAndItsTrackedTaskEndsUnauthorizedUntilItAuthorisesAgain() {
		String taskId = SampleHttp.startDemoTask(this.web, "sandbox-corp-b");

		this.web.post().uri("/api/demo/corps/sandbox-corp-b/withdraw").exchange().expectStatus().isOk();

		this.web.get()
			.uri("/api/corps/changes")
			.exchange()
			.expectBody()
			.jsonPath("$[0].corpId")
			.isEqualTo("sandbox-corp-b")
			.jsonPath("$[0].change")
			.isEqualTo("WITHDRAWN")
			.jsonPath("$[0].type")
			.isEqualTo("suite_relieve");
		this.web.get().uri("/api/demo/corps").exchange().expectBody().json("[\"sandbox-corp-a\"]");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> this.web.get()
				.uri("/api/notices")
				.exchange()
				.expectBody()
				.jsonPath("$[?(@.taskId == '" + taskId + "')].outcome")
				.value((List<String> outcome) -> assertThat(outcome).containsExactly("UNAUTHORIZED")));

		this.web.post().uri("/api/demo/corps/sandbox-corp-b/authorize").exchange().expectStatus().isOk();

		this.web.get()
			.uri("/api/corps/changes")
			.exchange()
			.expectBody()
			.jsonPath("$[0].change")
			.isEqualTo("AUTHORIZED")
			.jsonPath("$[0].type")
			.isEqualTo("tmp_auth_code");
		this.web.get().uri("/api/demo/corps").exchange().expectBody().json("[\"sandbox-corp-a\",\"sandbox-corp-b\"]");
		this.web.post().uri("/api/demo/tasks?corp=sandbox-corp-b").exchange().expectStatus().isOk();
	}

	@Test
	void theSuiteTicketCameThroughTheCallbackEndpoint() {
		this.web.get()
			.uri("/actuator/metrics/dingtalk.callback.events?tag=type:suite_ticket")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.value((Double count) -> assertThat(count).isGreaterThanOrEqualTo(1.0));
	}

}
