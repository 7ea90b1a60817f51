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

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.InternalAppAccessTokenFetcher;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetryBudget;
import io.github.dingtalkboot.core.internal.RetryPolicy;
import io.github.dingtalkboot.core.internal.RetrySettings;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retries, timeouts, throttling and concurrency of {@link StorageTaskClient} against a
 * real HTTP server (delays shortened; their values are covered in virtual time by
 * {@code RetryPolicyTests}).
 *
 * @author dingtalk-spring-boot maintainers
 */
class StorageTaskResilienceTests {

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	private StorageTaskClient client;

	@BeforeEach
	void start() {
		// 3 s attempts: the slow answers below take 20 s; a loaded machine's slow first
		// call takes far less
		this.http = this.dingtalk.http(DingTalkTestClients.fastRetries(),
				new HttpSettings(Duration.ofSeconds(3), Duration.ofSeconds(3), 50, 10_000));
		this.client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), DefaultSettings.storage(),
				null);
	}

	@Test
	void serverErrorsAreRetriedUntilSuccess() {
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(error(500, "systemError", "oops"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u")).expectNextCount(1).verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void persistentServerErrorsSurfaceAfterExactlyMaxAttempts() {
		for (int i = 0; i < 5; i++) {
			this.server.enqueue(error(500, "systemError", "attempt " + (i + 1)));
		}
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(DingTalkServerException.class).hasMessageContaining("attempt 3");
			assertThat(((DingTalkServerException) ex).getAttempts()).isEqualTo(3);
		}).verify();
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void notFoundIsNotRetried() {
		this.server.enqueue(error(404, "taskNotExist", "gone"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u")).expectError(StorageTaskNotFoundException.class).verify();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void badRequestIsNotRetried() {
		this.server.enqueue(error(400, "paramError.taskId", "bad id"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u")).expectError(DingTalkApiException.class).verify();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void perSecondThrottlingIsRetriedAfterAtLeastTheThrottledBackoff() throws Exception {
		this.server.enqueue(error(403, DingTalkErrorCodes.QPS_LIMIT_APP, "slow down"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		long start = System.nanoTime();
		StepVerifier.create(this.client.getTask("t", "u")).expectNextCount(1).verifyComplete();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void monthlyQuotaIsNotRetried() {
		this.server.enqueue(error(403, DingTalkErrorCodes.QUOTA_LIMIT, "quota"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u")).expectError(DingTalkThrottledException.class).verify();
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aResetConnectionIsARetriedTransportError() {
		this.server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u"))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void anAnswerSlowerThanTheResponseTimeoutIsARetriedTransportError() {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(20, TimeUnit.SECONDS).build());
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.getTask("t", "u"))
			.expectNextCount(1)
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void answersSlowerThanTheResponseTimeoutEveryTimeEndInATransportException() {
		for (int i = 0; i < 3; i++) {
			this.server
				.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(20, TimeUnit.SECONDS).build());
		}
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(DingTalkTransportException.class);
			assertThat(((DingTalkTransportException) ex).getAttempts()).isEqualTo(3);
		}).verify(Duration.ofSeconds(30));
	}

	@Test
	void aRefusedConnectionIsATransportException() throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (DingTalkHttpClient refused = DingTalkTestClients.create(WebClient.builder(),
				"http://127.0.0.1:" + closedPort, DefaultSettings.http(),
				new RetryPolicy(DingTalkTestClients.fastRetries(), RetryBudget.unlimited(), Clock.systemUTC(),
						RetryListener.NONE))) {
			StorageTaskClient client = new StorageTaskClient(refused, new FixedAccessTokenSupplier("tok"),
					DefaultSettings.storage(), null);
			StepVerifier.create(client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DingTalkTransportException.class)
					.hasMessageContaining("Connection refused");
				assertThat(((DingTalkTransportException) ex).getAttempts()).isEqualTo(3);
			}).verify(Duration.ofSeconds(30));
		}
	}

	@Test
	void aServerErrorOfTheTokenEndpointDoesNotFailTheCallThatNeededTheToken() throws Exception {
		StorageTaskClient internalApp = new StorageTaskClient(this.http,
				new CachingAccessTokenSupplier(new InternalAppAccessTokenFetcher(this.http, "key", "secret"),
						Duration.ofMinutes(5), Clock.systemUTC()),
				DefaultSettings.storage(), null);
		this.server.enqueue(error(503, "operationTimeout", "token service busy"));
		this.server.enqueue(token("fresh", 7200));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(internalApp.getTask("t", "u")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1.0/oauth2/accessToken");
		assertThat(this.server.takeRequest().getTarget()).isEqualTo("/v1.0/oauth2/accessToken");
		assertThat(this.server.takeRequest().getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo("fresh");
	}

	@Test
	void aThousandConcurrentCallsAllCompleteOnTheDefaultSettings() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return task("SUCCESS", 1, 1);
			}
		});
		// the default pool and timeouts, as the README promises; the short timeouts of
		// the other tests
		// would measure how loaded the machine is, not whether the pool holds 1,000
		// callers
		this.http = this.dingtalk.http(DingTalkTestClients.fastRetries(), DefaultSettings.http());
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), null);
		List<StorageTask> tasks = Flux.range(0, 1000)
			.flatMap((i) -> client.getTask("t-" + i, "u"), 1000)
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(tasks).hasSize(1000);
		assertThat(this.server.getRequestCount()).isEqualTo(1000);
	}

	@Test
	void cancellingStopsRetries() throws Exception {
		this.http = this.dingtalk.http(RetrySettings.builder()
			.enabled(true)
			.maxAttempts(5)
			.backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0)
			.statuses(Set.of(503))
			.throttledBackoff(Duration.ofMillis(300))
			.maxRetryAfter(Duration.ofSeconds(1))
			.build(), DefaultSettings.http());
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), null);
		for (int i = 0; i < 5; i++) {
			this.server.enqueue(error(503, "operationTimeout", "busy"));
		}
		Disposable subscription = client.getTask("t", "u").subscribe((task) -> {
		}, (error) -> {
		});
		assertThat(this.server.takeRequest(30, TimeUnit.SECONDS)).isNotNull();
		subscription.dispose();
		// twice the back-off: without the cancel, the second attempt would have gone out
		// by now
		Thread.sleep(2000);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

}
