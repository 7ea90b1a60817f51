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

package io.github.dingtalkboot.testcontainers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter against DingTalk stubs served by WireMock in a container, over a real
 * network hop, connected the way users connect it:
 * {@code @ServiceConnection(name = "dingtalk")}.
 */
@RequiresDocker
@Testcontainers
@SpringBootTest(properties = { "dingtalk.app-key=wm-key", "dingtalk.app-secret=wm-secret",
		"dingtalk.storage.union-id=wm-operator", "dingtalk.http.response-timeout=2s",
		"dingtalk.retry.initial-backoff=50ms", "dingtalk.storage.poll.initial-interval=20ms",
		"dingtalk.storage.poll.max-interval=50ms" })
class DingTalkServiceConnectionContainerTests {

	@Container
	@ServiceConnection(name = "dingtalk")
	static GenericContainer<?> dingtalk = WireMockDingTalk.container();

	@Autowired
	private StorageTaskOperations storageTasks;

	@Autowired
	private DingTalkConnectionDetails connectionDetails;

	@BeforeEach
	void resetScenarios() throws Exception {
		WireMockDingTalk.resetScenarios(dingtalk);
	}

	@Test
	void theServiceConnectionPointsTheStarterAtTheContainer() {
		assertThat(this.connectionDetails.getBaseUrl()).isEqualTo(WireMockDingTalk.baseUrl(dingtalk));
	}

	@Test
	void readsATaskThroughTheTokenEndpointOverTheNetwork() {
		StepVerifier.create(this.storageTasks.getTask("task-success")).assertNext((task) -> {
			assertThat(task.status()).isEqualTo(StorageTaskStatus.SUCCESS);
			assertThat(task.successCount()).isEqualTo(10);
			assertThat(task.beginTime()).isEqualTo(Instant.parse("2022-07-29T14:55:00Z"));
			assertThat(task.endTime()).isEqualTo(Instant.parse("2022-07-29T15:01:30Z"));
		}).verifyComplete();
	}

	@ParameterizedTest
	@CsvSource({ "task-init,INIT", "task-in-progress,IN_PROGRESS", "task-success,SUCCESS", "task-fail,FAIL" })
	void readsTasksInEachStatus(String taskId, StorageTaskStatus status) {
		StepVerifier.create(this.storageTasks.getTask(taskId))
			.assertNext((task) -> assertThat(task.status()).isEqualTo(status))
			.verifyComplete();
	}

	@ParameterizedTest
	@CsvSource({ "err-param,400,paramError,DingTalkApiException,1",
			"err-param-task,400,paramError.taskId,DingTalkApiException,1",
			"unknown-task,404,taskNotExist,StorageTaskNotFoundException,1",
			"err-system,500,systemError,DingTalkServerException,3",
			"err-unknown,500,unknownError,DingTalkServerException,3",
			"err-timeout,503,operationTimeout,DingTalkServerException,3",
			"err-quota,403,Forbidden.AccessDenied.ApiCountLimitForOrg,DingTalkThrottledException,1",
			"err-permission,403,Forbidden.AccessDenied.AccessTokenPermissionDenied,DingTalkApiException,1" })
	void mapsEveryDocumentedErrorAndRetriesOnlyServerErrors(String taskId, int status, String code, String type,
			int attempts) throws Exception {
		StepVerifier.create(this.storageTasks.getTask(taskId)).expectErrorSatisfies((ex) -> {
			assertThat(ex.getClass().getSimpleName()).isEqualTo(type);
			DingTalkApiException api = (DingTalkApiException) ex;
			assertThat(api.getStatusCode()).isEqualTo(status);
			assertThat(api.getErrorCode()).isEqualTo(code);
			assertThat(api.getRequestId()).isEqualTo("WM-" + code.toUpperCase());
			assertThat(api.getAttempts()).isEqualTo(attempts);
		}).verify(Duration.ofSeconds(30));
		assertThat(WireMockDingTalk.requestCount(dingtalk, taskId)).isEqualTo(attempts);
	}

	@Test
	void perSecondThrottlingIsRetriedAfterTheThrottledBackoff() throws Exception {
		long start = System.nanoTime();
		StepVerifier.create(this.storageTasks.getTask("err-qps"))
			.expectErrorSatisfies((ex) -> assertThat(((DingTalkApiException) ex).getAttempts()).isEqualTo(3))
			.verify(Duration.ofSeconds(30));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void followsATaskThatProgressesOverSuccessiveCalls() {
		List<StorageTask> states = this.storageTasks.watchTask("task-progressing")
			.collectList()
			.block(Duration.ofSeconds(30));
		assertThat(states).extracting(StorageTask::status, StorageTask::successCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.INIT, 0L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.IN_PROGRESS, 3L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.IN_PROGRESS, 7L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.SUCCESS, 10L));
	}

	@Test
	void ridesOutABurstOf503s() throws Exception {
		StepVerifier.create(this.storageTasks.getTask("task-burst")).expectNextCount(1).verifyComplete();
		assertThat(WireMockDingTalk.requestCount(dingtalk, "task-burst")).isEqualTo(3);
	}

	@Test
	void honoursRetryAfter() throws Exception {
		long start = System.nanoTime();
		StepVerifier.create(this.storageTasks.getTask("task-retry-after")).expectNextCount(1).verifyComplete();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
		assertThat(WireMockDingTalk.requestCount(dingtalk, "task-retry-after")).isEqualTo(2);
	}

	@Test
	void retriesAnAnswerSlowerThanTheResponseTimeout() throws Exception {
		StepVerifier.create(this.storageTasks.getTask("task-slow")).expectNextCount(1).verifyComplete();
		assertThat(WireMockDingTalk.requestCount(dingtalk, "task-slow")).isEqualTo(2);
	}

	@Test
	void answersAlwaysSlowerThanTheResponseTimeoutEndInATransportException() {
		StepVerifier.create(this.storageTasks.getTask("task-always-slow")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(DingTalkTransportException.class);
			assertThat(((DingTalkTransportException) ex).getAttempts()).isEqualTo(3);
		}).verify(Duration.ofSeconds(15));
	}

	@Test
	void retriesAConnectionResetByThePeer() throws Exception {
		StepVerifier.create(this.storageTasks.getTask("task-reset")).expectNextCount(1).verifyComplete();
		assertThat(WireMockDingTalk.requestCount(dingtalk, "task-reset")).isEqualTo(2);
	}

	@Test
	void anUnknownTaskIsNotFound() {
		StepVerifier.create(this.storageTasks.getTask("unknown-task"))
			.expectError(StorageTaskNotFoundException.class)
			.verify(Duration.ofSeconds(30));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
