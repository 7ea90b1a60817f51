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

package io.github.dingtalkboot.storage.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.InternalAppAccessTokenFetcher;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetryBudget;
import io.github.dingtalkboot.core.internal.RetryPolicy;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dingtalk.client.requests} observation, the {@code dingtalk.client.retries}
 * counter and the per-attempt {@code http.client.requests} observations, against a real
 * HTTP server.
 *
 * @author dingtalk-spring-boot maintainers
 */
class StorageTaskObservationTests {

	private static final String SECRET_TOKEN = "tok-SECRET-1";

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private TestObservationRegistry observations;

	private SimpleMeterRegistry meters;

	private DingTalkHttpClient http;

	private StorageTaskClient client;

	@BeforeEach
	void start() {
		this.observations = TestObservationRegistry.create();
		this.meters = new SimpleMeterRegistry();
		this.http = client(this.observations);
		this.client = new StorageTaskClient(this.http,
				new CachingAccessTokenSupplier(new InternalAppAccessTokenFetcher(this.http, "key", "secret"),
						Duration.ofMinutes(5), Clock.systemUTC()),
				DefaultSettings.storage(), null);
	}

	private DingTalkHttpClient client(ObservationRegistry registry) {
		RetryListener retries = (operation, reason, attempt, delay) -> this.meters
			.counter("dingtalk.client.retries", "dingtalk.operation", operation, "reason", reason)
			.increment();
		// 3 s attempts: short enough for the no-answer test, long enough that a loaded
		// machine's slow first
		// call is not mistaken for one
		return this.dingtalk.closedAfterEach(DingTalkTestClients.create(
				WebClient.builder().observationRegistry(registry), DingTalkTestClients.baseUrl(this.server),
				new HttpSettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 50, 100),
				new RetryPolicy(DingTalkTestClients.fastRetries(), RetryBudget.unlimited(), Clock.systemUTC(), retries),
				registry, null));
	}

	@Test
	void aSuccessfulCallIsOneObservationWithItsTags() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("task-42", "union-7")).expectNextCount(1).verifyComplete();
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
				.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("status", "200")
				.hasLowCardinalityKeyValue("error.code", "none")
				.hasLowCardinalityKeyValue("attempts", "1")
				.hasHighCardinalityKeyValue("dingtalk.task.id", "task-42")
				.hasHighCardinalityKeyValue("dingtalk.request.id", "HDR-REQ-1"));
	}

	@Test
	void aFailingObservationHandlerDoesNotChangeWhatTheCallerGets() {
		ObservationRegistry failing = ObservationRegistry.create();
		failing.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				throw new IllegalStateException("the metrics backend is broken");
			}

		});
		StorageTaskClient client = new StorageTaskClient(client(failing), new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), null);
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(client.getTask("t", "u"))
			.assertNext((task) -> assertThat(task.status()).isEqualTo(StorageTaskStatus.SUCCESS))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void theTokenFetchIsObservedAsItsOwnOperation() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(task("SUCCESS", 1, 1));
		this.client.getTask("t", "u").block(Duration.ofSeconds(30));
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
				.hasLowCardinalityKeyValue("dingtalk.operation", "oauth2.access-token")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS"));
	}

	@Test
	void eachHttpAttemptIsAChildHttpClientObservationWithATemplatedUri() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		this.client.getTask("task-42", "union-7").block(Duration.ofSeconds(30));
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo("http.client.requests", 3);
		assertThat(this.observations).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.filteredOn((context) -> "http.client.requests".equals(context.getName()))
			.hasSize(3)
			.allSatisfy((context) -> assertThat(context.getParentObservation().getContextView().getName())
				.isEqualTo("dingtalk.client.requests")));
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("http.client.requests")
				.hasLowCardinalityKeyValue("uri", "/v1.0/storage/tasks/{taskId}")
				.hasLowCardinalityKeyValue("status", "503"));
	}

	@Test
	void aRetriedCallCountsItsAttemptsAndItsRetries() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(error(500, "systemError", "oops"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		this.client.getTask("t", "u").block(Duration.ofSeconds(30));
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("outcome", "SUCCESS")
					.hasLowCardinalityKeyValue("attempts", "3"));
		assertThat(this.meters.get("dingtalk.client.retries")
			.tags("dingtalk.operation", "storage.task.get", "reason", "503")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.meters.get("dingtalk.client.retries").tags("reason", "500").counter().count()).isEqualTo(1);
	}

	@Test
	void aNotFoundCallIsAClientErrorWithItsCode() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(error(404, "taskNotExist", "gone"));
		StepVerifier.create(this.client.getTask("t", "u")).expectError().verify();
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
					.hasLowCardinalityKeyValue("status", "404")
					.hasLowCardinalityKeyValue("error.code", "taskNotExist")
					.hasLowCardinalityKeyValue("attempts", "1")
					.assertThatError()
					.isInstanceOf(StorageTaskNotFoundException.class));
	}

	@Test
	void anUndocumentedErrorCodeIsReportedAsOther() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(error(400, "someNewCode-" + System.nanoTime(), "new"));
		StepVerifier.create(this.client.getTask("t", "u")).expectError().verify();
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("error.code", "OTHER"));
	}

	@Test
	void throttlingIsItsOwnOutcome() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(error(403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota"));
		StepVerifier.create(this.client.getTask("t", "u")).expectError().verify();
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("outcome", "THROTTLED")
					.hasLowCardinalityKeyValue("status", "403"));
	}

	@Test
	void noAnswerIsATransportErrorWithStatusNone() {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		for (int i = 0; i < 3; i++) {
			this.server
				.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(20, TimeUnit.SECONDS).build());
		}
		StepVerifier.create(this.client.getTask("t", "u")).expectError().verify(Duration.ofSeconds(30));
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
					.hasLowCardinalityKeyValue("status", "NONE")
					.hasLowCardinalityKeyValue("attempts", "3"));
		assertThat(this.meters.get("dingtalk.client.retries").tags("reason", "TRANSPORT_ERROR").counter().count())
			.isEqualTo(2);
	}

	@Test
	void aCancelledCallIsCancelled() throws Exception {
		this.server.enqueue(token(SECRET_TOKEN, 7200));
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(20, TimeUnit.SECONDS).build());
		Disposable call = this.client.getTask("t", "u").subscribe();
		this.server.takeRequest(30, TimeUnit.SECONDS);
		this.server.takeRequest(30, TimeUnit.SECONDS);
		call.dispose();
		assertThat(this.observations).hasAnObservation(
				(observation) -> observation.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("outcome", "CANCELLED"));
	}

	@Test
	void aWatchIsObservedWithItsPollsAsChildren() {
		StorageTaskClient watching = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				StorageTaskSettings.builder()
					.defaultUnionId("op")
					.poll(Duration.ofMillis(10), Duration.ofMillis(20), 1.5)
					.awaitTimeout(Duration.ofSeconds(5))
					.build(),
				null);
		this.server.enqueue(task("IN_PROGRESS", 10, 1));
		this.server.enqueue(task("IN_PROGRESS", 10, 1));
		this.server.enqueue(task("SUCCESS", 10, 10));
		watching.watchTask("task-9", "op").blockLast(Duration.ofSeconds(30));
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
				.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.watch")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("attempts", "NONE")
				.hasHighCardinalityKeyValue("dingtalk.watch.polls", "3")
				.hasHighCardinalityKeyValue("dingtalk.task.id", "task-9"));
		assertThat(this.observations).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
			.filteredOn((context) -> "dingtalk.client.requests".equals(context.getName())
					&& "storage.task.get".equals(context.getLowCardinalityKeyValue("dingtalk.operation").getValue()))
			.hasSize(3)
			.allSatisfy((context) -> assertThat(context.getParentObservation()
				.getContextView()
				.getLowCardinalityKeyValue("dingtalk.operation")
				.getValue()).isEqualTo("storage.task.watch")));
	}

	@Test
	void aWatchFailingOnItsSecondPollIsRecordedWithThatPollsStatusAndCode() {
		StorageTaskClient watching = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				StorageTaskSettings.builder()
					.defaultUnionId("op")
					.poll(Duration.ofMillis(10), Duration.ofMillis(20), 1.5)
					.awaitTimeout(Duration.ofSeconds(5))
					.build(),
				null);
		this.server.enqueue(task("IN_PROGRESS", 10, 1));
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(error(500, "systemError", "down"));
		}
		StepVerifier.create(watching.watchTask("task-9", "op"))
			.expectNextCount(1)
			.expectError(DingTalkServerException.class)
			.verify(Duration.ofSeconds(30));
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
				.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.watch")
				.hasLowCardinalityKeyValue("outcome", "SERVER_ERROR")
				.hasLowCardinalityKeyValue("status", "500")
				.hasLowCardinalityKeyValue("error.code", "systemError"));
	}

	@Test
	void aWatchWhosePollGetsNoAnswerIsRecordedWithStatusNone() throws Exception {
		DingTalkHttpClient refused;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			refused = DingTalkTestClients.create(WebClient.builder(), "http://127.0.0.1:" + socket.getLocalPort(),
					DefaultSettings.http(), new RetryPolicy(DingTalkTestClients.fastRetries(), RetryBudget.unlimited(),
							Clock.systemUTC(), RetryListener.NONE),
					this.observations, null);
		}
		try (refused) {
			StorageTaskClient watching = new StorageTaskClient(refused, new FixedAccessTokenSupplier("tok"),
					DefaultSettings.storage(), null);
			StepVerifier.create(watching.watchTask("task-9", "op"))
				.expectError(DingTalkTransportException.class)
				.verify(Duration.ofSeconds(30));
		}
		assertThat(this.observations)
			.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
				.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.watch")
				.hasLowCardinalityKeyValue("outcome", "TRANSPORT_ERROR")
				.hasLowCardinalityKeyValue("status", "NONE"));
	}

	@Test
	void noMeterTagEverContainsATaskIdAUnionIdOrAToken() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		try (DingTalkHttpClient metered = client(registry)) {
			StorageTaskClient client = new StorageTaskClient(metered,
					new CachingAccessTokenSupplier(new InternalAppAccessTokenFetcher(metered, "key", "secret"),
							Duration.ofMinutes(5), Clock.systemUTC()),
					DefaultSettings.storage(), null);
			this.server.enqueue(token(SECRET_TOKEN, 7200));
			this.server.enqueue(task("SUCCESS", 1, 1));
			this.server.enqueue(error(503, "operationTimeout", "busy"));
			this.server.enqueue(task("SUCCESS", 1, 1));
			this.server.enqueue(error(404, "taskNotExist", "gone"));
			this.server.enqueue(error(400, "InvalidAuthentication", "bad"));
			this.server.enqueue(error(400, "InvalidAuthentication", "bad"));
			client.getTask("TASKID-ok", "UNIONID-1").block(Duration.ofSeconds(30));
			client.getTask("TASKID-retried", "UNIONID-2").block(Duration.ofSeconds(30));
			StepVerifier.create(client.getTask("TASKID-missing", "UNIONID-3")).expectError().verify();
			StepVerifier.create(client.getTask("TASKID-rejected", "UNIONID-4")).expectError().verify();
		}
		assertThat(this.meters.getMeters()).isNotEmpty();
		assertThat(this.meters.find("dingtalk.client.requests").timers()).isNotEmpty();
		for (Meter meter : this.meters.getMeters()) {
			for (Tag tag : meter.getId().getTags()) {
				assertThat(tag.getValue()).as(meter.getId().toString())
					.doesNotContain("TASKID", "UNIONID", SECRET_TOKEN);
			}
		}
	}

}
