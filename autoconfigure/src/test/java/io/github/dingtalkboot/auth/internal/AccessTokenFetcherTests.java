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

package io.github.dingtalkboot.auth.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import io.github.dingtalkboot.testsupport.MutableClock;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.json;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token fetchers against a real HTTP server.
 */
class AccessTokenFetcherTests {

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	@BeforeEach
	void start() {
		this.http = this.dingtalk.http();
	}

	@Test
	void internalAppPostsAppKeyAndSecretAsJson() throws Exception {
		this.server.enqueue(token("tok", 7200));
		StepVerifier.create(new InternalAppAccessTokenFetcher(this.http, "key", "secret").fetch())
			.assertNext((token) -> {
				assertThat(token.value()).isEqualTo("tok");
				assertThat(token.expiresIn()).isEqualTo(Duration.ofSeconds(7200));
			})
			.verifyComplete();
		RecordedRequest request = this.server.takeRequest(30, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getTarget()).isEqualTo("/v1.0/oauth2/accessToken");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getBody().utf8()).isIn("{\"appKey\":\"key\",\"appSecret\":\"secret\"}",
				"{\"appSecret\":\"secret\",\"appKey\":\"key\"}");
	}

	@Test
	void corpTokenPostsSuiteCredentialsWithTheCurrentTicketEachTime() throws Exception {
		AtomicInteger ticket = new AtomicInteger();
		CorpAccessTokenFetcher fetcher = new CorpAccessTokenFetcher(this.http, "sk", "ss", "corp",
				() -> Mono.fromSupplier(() -> "ticket-" + ticket.incrementAndGet()));
		this.server.enqueue(token("a", 7200));
		this.server.enqueue(token("b", 7200));
		fetcher.fetch().block(Duration.ofSeconds(30));
		fetcher.fetch().block(Duration.ofSeconds(30));
		RecordedRequest first = this.server.takeRequest(30, TimeUnit.SECONDS);
		assertThat(first.getTarget()).isEqualTo("/v1.0/oauth2/corpAccessToken");
		assertThat(first.getBody().utf8()).contains("\"suiteKey\":\"sk\"", "\"suiteSecret\":\"ss\"",
				"\"authCorpId\":\"corp\"", "\"suiteTicket\":\"ticket-1\"");
		assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getBody().utf8())
			.contains("\"suiteTicket\":\"ticket-2\"");
	}

	@Test
	void refusedCredentialsAreAnAuthenticationExceptionWithoutTheSecret() {
		this.server.enqueue(error(400, "invalidClientIdOrSecret", "无效的clientId或clientSecret"));
		StepVerifier.create(new InternalAppAccessTokenFetcher(this.http, "key", "my-secret").fetch())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
				.hasMessageContaining("invalidClientIdOrSecret")
				.hasMessageNotContaining("my-secret"))
			.verify();
	}

	@Test
	void aTokenAnswerWithoutAccessTokenIsMalformed() {
		this.server.enqueue(json(200, "{\"expireIn\":7200}"));
		StepVerifier.create(new InternalAppAccessTokenFetcher(this.http, "key", "secret").fetch())
			.expectError(DingTalkMalformedResponseException.class)
			.verify();
	}

	@Test
	void aServerErrorOfTheTokenEndpointIsRetried() {
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(token("tok", 7200));
		StepVerifier.create(new InternalAppAccessTokenFetcher(this.http, "key", "secret").fetch())
			.assertNext((token) -> assertThat(token.value()).isEqualTo("tok"))
			.verifyComplete();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void toStringNeverShowsSecrets() {
		assertThat(new InternalAppAccessTokenFetcher(this.http, "key", "my-secret").toString())
			.doesNotContain("my-secret");
		assertThat(new CorpAccessTokenFetcher(this.http, "sk", "suite-secret", "corp", Mono::empty).toString())
			.doesNotContain("suite-secret");
		assertThat(new FixedAccessTokenSupplier("fixed-token").toString()).doesNotContain("fixed-token");
	}

	@ParameterizedTest
	@ValueSource(strings = { "tok\\r\\nX-Injected: yes", "tok en", "t\\u00f6k" })
	void aTokenThatCannotBeSentAsAHeaderIsAMalformedAnswer(String token) {
		this.server.enqueue(json(200, "{\"accessToken\":\"" + token + "\",\"expireIn\":7200}"));
		StepVerifier.create(new InternalAppAccessTokenFetcher(this.http, "key", "secret").fetch())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkMalformedResponseException.class)
				.hasMessageContaining("cannot be sent as a header")
				.hasMessageNotContaining("X-Injected"))
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void aTokenThatCannotBeSentIsNeverCachedSoTheNextFetchReplacesIt() {
		this.server.enqueue(json(200, "{\"accessToken\":\"bad\\r\\ntoken\",\"expireIn\":7200}"));
		this.server.enqueue(token("good", 7200));
		MutableClock clock = new MutableClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
		CachingAccessTokenSupplier supplier = new CachingAccessTokenSupplier(
				new InternalAppAccessTokenFetcher(this.http, "key", "secret"), Duration.ofMinutes(5), clock);
		StepVerifier.create(supplier.getAccessToken())
			.expectError(DingTalkMalformedResponseException.class)
			.verify(Duration.ofSeconds(30));
		clock.advance(Duration.ofSeconds(1));
		StepVerifier.create(supplier.getAccessToken()).expectNext("good").verifyComplete();
	}

	@Test
	void aSuiteTicketSupplierThatSuppliesNothingFailsWithADingTalkExceptionAndSendsNothing() {
		StepVerifier.create(new CorpAccessTokenFetcher(this.http, "suite", "secret", "corp", Mono::empty).fetch())
			.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(DingTalkException.class)
				.hasMessageContaining("no suite ticket"))
			.verify(Duration.ofSeconds(30));
		assertThat(this.server.getRequestCount()).isZero();
	}

}
