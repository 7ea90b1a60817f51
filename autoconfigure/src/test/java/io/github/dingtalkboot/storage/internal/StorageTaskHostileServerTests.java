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

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetryBudget;
import io.github.dingtalkboot.core.internal.RetryPolicy;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.TricklingServer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a hostile or broken server does to a call: answers that trickle in, bodies over
 * the codec limit, and tokens that cannot be sent. Each ends in a typed error, bounded in
 * time.
 *
 * @author dingtalk-spring-boot maintainers
 */
class StorageTaskHostileServerTests {

	/**
	 * Short enough to show the deadline, long enough for a cold JVM's first call on a
	 * busy machine.
	 */
	private static final HttpSettings TWO_SECOND_ATTEMPTS = new HttpSettings(Duration.ofSeconds(5),
			Duration.ofSeconds(2), 50, 10_000);

	/**
	 * Far longer than three attempts of 2 s may take, far shorter than the 30 s a server
	 * trickles.
	 */
	private static final Duration BOUND = Duration.ofSeconds(25);

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void aBodyTricklingInByteByByteFailsEachAttemptAtTheResponseTimeout() throws Exception {
		try (TricklingServer trickling = new TricklingServer(TricklingServer.Mode.BODY, 100);
				DingTalkHttpClient http = client(trickling.baseUrl(), TWO_SECOND_ATTEMPTS)) {
			StepVerifier.create(storage(http).getTask("t", "op")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DingTalkTransportException.class).hasMessageContaining("PT2S");
				assertThat(((DingTalkException) ex).getAttempts()).as("retried as transport failures are").isEqualTo(3);
			}).verify(BOUND);
			assertThat(trickling.connections()).isEqualTo(3);
		}
	}

	@Test
	void headersTricklingInLineByLineFailEachAttemptAtTheResponseTimeout() throws Exception {
		try (TricklingServer trickling = new TricklingServer(TricklingServer.Mode.HEADERS, 100);
				DingTalkHttpClient http = client(trickling.baseUrl(), TWO_SECOND_ATTEMPTS)) {
			StepVerifier.create(storage(http).getTask("t", "op"))
				.expectError(DingTalkTransportException.class)
				.verify(BOUND);
			assertThat(trickling.connections()).isEqualTo(3);
		}
	}

	@Test
	void aSuccessBodyOverTheCodecLimitIsAMalformedResponseAndNotRetried() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("{\"task\":{\"failMessage\":\"" + "x".repeat(300 * 1024) + "\"}}")
			.build());
		try (DingTalkHttpClient http = client(DingTalkTestClients.baseUrl(this.server))) {
			StepVerifier.create(storage(http).getTask("t", "op"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkMalformedResponseException.class)
					.hasMessageContaining("HTTP 200")
					.hasMessageContaining("larger than the client's limit"))
				.verify(BOUND);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void anErrorBodyOverTheCodecLimitStillYieldsItsStatus() {
		this.server.enqueue(new MockResponse.Builder().code(404)
			.setHeader("Content-Type", "text/html")
			.setHeader("x-acs-request-id", "REQ-BIG")
			.body("<html>" + "x".repeat(300 * 1024) + "</html>")
			.build());
		try (DingTalkHttpClient http = client(DingTalkTestClients.baseUrl(this.server))) {
			StepVerifier.create(storage(http).getTask("t", "op")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(DingTalkApiException.class);
				assertThat(((DingTalkApiException) ex).getStatusCode()).isEqualTo(404);
				assertThat(((DingTalkApiException) ex).getRequestId()).isEqualTo("REQ-BIG");
			}).verify(BOUND);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aServerErrorWithABodyOverTheCodecLimitIsRetriedAsItsStatusSays() {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(new MockResponse.Builder().code(503).body("x".repeat(300 * 1024)).build());
		}
		try (DingTalkHttpClient http = client(DingTalkTestClients.baseUrl(this.server))) {
			StepVerifier.create(storage(http).getTask("t", "op"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkServerException.class))
				.verify(BOUND);
		}
		assertThat(this.server.getRequestCount()).isEqualTo(3);
	}

	@Test
	void aTokenThatIsNotAHeaderValueFailsTheCallWithoutSendingAnything() {
		AccessTokenSupplier crlf = new AccessTokenSupplier() {
			@Override
			public Mono<String> getAccessToken() {
				return Mono.just("tok\r\nX-Injected: yes");
			}

			@Override
			public void invalidate(String token) {
			}
		};
		this.server.enqueue(task("SUCCESS", 1, 1));
		try (DingTalkHttpClient http = client(DingTalkTestClients.baseUrl(this.server))) {
			StepVerifier.create(new StorageTaskClient(http, crlf, DefaultSettings.storage(), null).getTask("t", "op"))
				.expectErrorSatisfies((ex) -> {
					assertThat(ex).isExactlyInstanceOf(DingTalkException.class)
						.hasMessageContaining("not a valid HTTP header value")
						.hasMessageNotContaining("X-Injected");
					assertThat(((DingTalkException) ex).getAttempts()).isZero();
				})
				.verify(BOUND);
		}
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aNegativeCountIsAMalformedResponse() {
		this.server.enqueue(task("IN_PROGRESS", 10, -1));
		try (DingTalkHttpClient http = client(DingTalkTestClients.baseUrl(this.server))) {
			StepVerifier.create(storage(http).getTask("t", "op"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkMalformedResponseException.class)
					.hasMessageContaining("successCount"))
				.verify(BOUND);
		}
	}

	private static DingTalkHttpClient client(String baseUrl) {
		return client(baseUrl, DefaultSettings.http());
	}

	private static DingTalkHttpClient client(String baseUrl, HttpSettings settings) {
		return DingTalkTestClients.create(WebClient.builder(), baseUrl, settings, new RetryPolicy(
				DingTalkTestClients.fastRetries(), RetryBudget.unlimited(), Clock.systemUTC(), RetryListener.NONE));
	}

	private static StorageTaskClient storage(DingTalkHttpClient http) {
		return new StorageTaskClient(http, new FixedAccessTokenSupplier("tok"), DefaultSettings.storage(), null);
	}

}
