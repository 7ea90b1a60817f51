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
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample application on its embedded sandbox, over real HTTP, as a user would reach
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "sample.sandbox.failure-rate=0", "sample.sandbox.task-duration=2s",
				"dingtalk.storage.poll.initial-interval=100ms", "dingtalk.storage.poll.max-interval=300ms" })
class SampleApplicationTests {

	@LocalServerPort
	private int port;

	private WebTestClient web;

	@BeforeEach
	void client() {
		this.web = SampleHttp.client(this.port);
	}

	@Test
	void aDemoTaskCanBeStartedAndQueriedThroughTheStarter() {
		String taskId = startDemoTask();
		assertThat(taskId).startsWith("demo-");
		this.web.get()
			.uri("/api/tasks/{taskId}", taskId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(taskId)
			.jsonPath("$.status")
			// INIT lasts a moment only; any documented state shows the call went through
			// the starter
			.value((String status) -> assertThat(status).isIn("INIT", "IN_PROGRESS", "SUCCESS", "FAIL"))
			.jsonPath("$.totalCount")
			.isNumber();
	}

	@Test
	void theEventStreamFollowsADemoTaskToItsTerminalState() {
		String taskId = startDemoTask();
		List<ServerSentEvent<Map<String, Object>>> events = this.web.get()
			.uri("/api/tasks/{taskId}/events", taskId)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(events).isNotEmpty().allSatisfy((event) -> assertThat(event.event()).isEqualTo("task"));
		List<String> statuses = events.stream().map((event) -> (String) event.data().get("status")).toList();
		assertThat(statuses.get(statuses.size() - 1)).isIn("SUCCESS", "FAIL");
		assertThat(statuses.subList(0, statuses.size() - 1)).doesNotContain("SUCCESS", "FAIL");
		assertThat(events).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aDemoTaskEndsWithANoticeFromTheTrackersEvent() {
		String taskId = startDemoTask();

		awaitNotice((notices) -> notices.jsonPath("$[?(@.taskId == '" + taskId + "')].outcome")
			.value((List<String> outcome) -> assertThat(outcome).singleElement().isIn("SUCCESS", "FAIL"))
			.jsonPath("$[?(@.taskId == '" + taskId + "')].startedBy")
			.isEqualTo("the demo page"));
	}

	@Test
	void theEventStreamOfAnUnknownTaskEndsWithAProblemEvent() {
		List<ServerSentEvent<Map<String, Object>>> events = this.web.get()
			.uri("/api/tasks/{taskId}/events", "no-such-task")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(new ParameterizedTypeReference<ServerSentEvent<Map<String, Object>>>() {
			})
			.getResponseBody()
			.collectList()
			.block(Duration.ofSeconds(10));
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.event()).isEqualTo("problem");
			assertThat(event.data()).containsEntry("status", 404).containsEntry("dingtalkCode", "taskNotExist");
		});
	}

	@Test
	void thePrometheusScrapeShowsTheStartersMeters() {
		this.web.get()
			.uri("/api/tasks/{taskId}", "missing-for-prometheus")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult();
		String scrape = this.web.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("dingtalk_client_requests_seconds_count", "dingtalk_token_expiry_seconds",
				"dingtalk_client_rate_limit");
		assertThat(scrape).doesNotContain("missing-for-prometheus");
	}

	@Test
	void theMetricsSummaryCountsTaskCalls() {
		this.web.get()
			.uri("/api/tasks/{taskId}", "missing-for-summary")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult();
		this.web.get()
			.uri("/api/metrics/summary")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.taskCalls")
			.value((calls) -> assertThat(((Number) calls).longValue()).isPositive());
	}

	@Test
	void aTaskOfTheSecondCorpIsFollowedWithThatCorpsTokenAndNoticedWithItsCorp() {
		String taskId = startDemoTask("sandbox-corp-b");

		this.web.get()
			.uri("/api/tasks/{taskId}?corp=sandbox-corp-b", taskId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(taskId);
		awaitNotice(
				(notices) -> notices.jsonPath("$[?(@.taskId == '" + taskId + "')].corpId").isEqualTo("sandbox-corp-b"));
	}

	@Test
	void anotherCorpsTokenDoesNotSeeTheTask() {
		String taskId = startDemoTask("sandbox-corp-b");

		this.web.get()
			.uri("/api/tasks/{taskId}", taskId)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.dingtalkCode")
			.isEqualTo("taskNotExist");
	}

	@Test
	void theDemoOffersTheSandboxsTwoCorps() {
		this.web.get()
			.uri("/api/demo/corps")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("[\"sandbox-corp-a\",\"sandbox-corp-b\"]");
	}

	/** Waits until the notices meet the expectations. */
	private void awaitNotice(Consumer<WebTestClient.BodyContentSpec> expectations) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> expectations
				.accept(this.web.get().uri("/api/notices").exchange().expectStatus().isOk().expectBody()));
	}

	private String startDemoTask() {
		return startDemoTask("sandbox-corp-a");
	}

	private String startDemoTask(String corp) {
		return SampleHttp.startDemoTask(this.web, corp);
	}

	@Test
	void anUnknownTaskIsA404ProblemDetail() {
		this.web.get()
			.uri("/api/tasks/{taskId}", "no-such-task")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.dingtalkCode")
			.isEqualTo("taskNotExist");
	}

	@Test
	void theDingtalktasksEndpointListsTheTrackedDemoTasks() {
		this.web.post().uri("/api/demo/tasks").exchange().expectStatus().isOk();

		this.web.get()
			.uri("/actuator/dingtalktasks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tasks")
			.isArray();
	}

	@Test
	void healthIncludesTheDingTalkIndicatorAndIsUp() {
		this.web.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.dingtalk.status")
			.isEqualTo("UP");
	}

	@Test
	void callsShowUpInTheStartersMetrics() {
		this.web.get()
			.uri("/api/tasks/{taskId}", "missing-for-metrics")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.returnResult();
		this.web.get()
			.uri("/actuator/metrics/dingtalk.client.requests")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.availableTags[?(@.tag == 'dingtalk.operation')].values[*]")
			.value((values) -> assertThat(values.toString()).contains("storage.task.get"));
	}

}
