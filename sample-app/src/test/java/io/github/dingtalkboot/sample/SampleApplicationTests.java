package io.github.dingtalkboot.sample;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application on its embedded sandbox, over real HTTP, as a user would reach it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.sandbox.failure-rate=0")
@AutoConfigureWebTestClient
class SampleApplicationTests {

	@Autowired
	private WebTestClient web;

	@Test
	void aDemoTaskCanBeStartedAndQueriedThroughTheStarter() {
		Map<String, String> started = this.web.post()
			.uri("/api/demo/tasks")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody();
		String taskId = started.get("taskId");
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
			.isEqualTo("INIT")
			.jsonPath("$.totalCount")
			.isNumber();
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
	void healthIncludesTheDingTalkIndicatorAndIsUp() {
		this.web.mutate()
			.responseTimeout(Duration.ofSeconds(15))
			.build()
			.get()
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
		this.web.get().uri("/api/tasks/{taskId}", "missing-for-metrics").exchange().expectStatus().isNotFound();
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
