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

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.json;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link StorageTaskClient} against a real HTTP server: the request on the wire, the
 * reading of answers and the mapping of every error (retries off, so each answer is seen
 * as it is).
 */
class StorageTaskClientTests {

	private static final String TOKEN = "secret-token-123";

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	private StorageTaskClient client;

	@BeforeEach
	void start() {
		this.http = this.dingtalk.http(DefaultSettings.noRetries(), DefaultSettings.http());
		this.client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier(TOKEN),
				DefaultSettings.storage().withUnionId("default-union"), null);
	}

	@Test
	void sendsGetWithTokenHeaderAcceptJsonAndUnionIdQuery() throws Exception {
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		StepVerifier.create(this.client.getTask("task-1", "union-1")).expectNextCount(1).verifyComplete();
		RecordedRequest request = this.server.takeRequest(30, TimeUnit.SECONDS);
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getTarget()).isEqualTo("/v1.0/storage/tasks/task-1?unionId=union-1");
		assertThat(request.getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo(TOKEN);
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getUrl().queryParameter("access_token")).isNull();
	}

	@Test
	void encodesTaskIdAsOnePathSegmentAndUnionIdAsOneQueryValue() throws Exception {
		this.server.enqueue(task("INIT", 0, 0));
		String taskId = "a/b?c#d%e+f g";
		String unionId = "u&v=w+x y";
		StepVerifier.create(this.client.getTask(taskId, unionId)).expectNextCount(1).verifyComplete();
		RecordedRequest request = this.server.takeRequest(30, TimeUnit.SECONDS);
		assertThat(request.getTarget())
			.isEqualTo("/v1.0/storage/tasks/a%2Fb%3Fc%23d%25e%2Bf%20g?unionId=u%26v%3Dw%2Bx%20y");
		assertThat(request.getUrl().pathSegments()).containsExactly("v1.0", "storage", "tasks", taskId);
		assertThat(request.getUrl().queryParameter("unionId")).isEqualTo(unionId);
	}

	@Test
	void getTaskWithoutUnionIdUsesTheConfiguredDefault() throws Exception {
		this.server.enqueue(task("INIT", 0, 0));
		StepVerifier.create(this.client.getTask("task-1")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getUrl().queryParameter("unionId"))
			.isEqualTo("default-union");
	}

	@Test
	void getTaskWithoutUnionIdOrDefaultOperatorFailsAndSendsNothing() {
		StorageTaskClient noDefault = new StorageTaskClient(this.http, new FixedAccessTokenSupplier(TOKEN),
				DefaultSettings.storage(), null);
		StepVerifier.create(noDefault.getTask("task-1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("needs an operator: pass the unionId"))
			.verify();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@ParameterizedTest
	@CsvSource(value = { "NULL,u", "'',u", "'  ',u", "t,NULL", "t,''", "t,' '" }, nullValues = "NULL")
	void nullOrBlankArgumentsFailWithoutSendingAnything(String taskId, String unionId) {
		StepVerifier.create(this.client.getTask(taskId, unionId)).expectError(IllegalArgumentException.class).verify();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void readsEveryFieldOfTheDocumentedExample() {
		this.server.enqueue(json(200, """
				{"task":{"id":"t-9","status":"FAIL","totalCount":10,"successCount":7,"failCount":3,
				"failMessage":"file locked","beginTime":"2022-07-29T14:55Z","endTime":"2022-07-29T15:01:30Z"}}"""));
		StepVerifier.create(this.client.getTask("t-9", "u")).assertNext((task) -> {
			assertThat(task.id()).isEqualTo("t-9");
			assertThat(task.status()).isEqualTo(StorageTaskStatus.FAIL);
			assertThat(task.totalCount()).isEqualTo(10);
			assertThat(task.successCount()).isEqualTo(7);
			assertThat(task.failCount()).isEqualTo(3);
			assertThat(task.failMessage()).isEqualTo("file locked");
			assertThat(task.beginTime()).isEqualTo(Instant.parse("2022-07-29T14:55:00Z"));
			assertThat(task.endTime()).isEqualTo(Instant.parse("2022-07-29T15:01:30Z"));
			assertThat(task.isTerminal()).isTrue();
		}).verifyComplete();
	}

	@Test
	void readsTimesWithAnOffset() {
		this.server.enqueue(json(200, "{\"task\":{\"status\":\"SUCCESS\",\"beginTime\":\"2022-07-29T22:55+08:00\"}}"));
		StepVerifier.create(this.client.getTask("t", "u"))
			.assertNext((task) -> assertThat(task.beginTime()).isEqualTo(Instant.parse("2022-07-29T14:55:00Z")))
			.verifyComplete();
	}

	@Test
	void toleratesAbsentAndNullFieldsAndIgnoresUnknownOnes() {
		this.server
			.enqueue(json(200, "{\"task\":{\"status\":null,\"totalCount\":null,\"newField\":{\"x\":1}},\"extra\":1}"));
		StepVerifier.create(this.client.getTask("t", "u")).assertNext((task) -> {
			assertThat(task.id()).isNull();
			assertThat(task.status()).isEqualTo(StorageTaskStatus.UNKNOWN);
			assertThat(task.rawStatus()).isNull();
			assertThat(task.totalCount()).isZero();
			assertThat(task.successCount()).isZero();
			assertThat(task.failCount()).isZero();
			assertThat(task.failMessage()).isNull();
			assertThat(task.beginTime()).isNull();
			assertThat(task.endTime()).isNull();
		}).verifyComplete();
	}

	@Test
	void readsCountsBeyondIntRangeAndAsNumericStrings() {
		this.server.enqueue(
				json(200, "{\"task\":{\"status\":\"IN_PROGRESS\",\"totalCount\":9000000000,\"successCount\":\"42\"}}"));
		StepVerifier.create(this.client.getTask("t", "u")).assertNext((task) -> {
			assertThat(task.totalCount()).isEqualTo(9_000_000_000L);
			assertThat(task.successCount()).isEqualTo(42);
		}).verifyComplete();
	}

	@Test
	void keepsAnUnknownStatusReachableAsRawStatus() {
		this.server.enqueue(json(200, "{\"task\":{\"status\":\"PAUSED\"}}"));
		StepVerifier.create(this.client.getTask("t", "u")).assertNext((task) -> {
			assertThat(task.status()).isEqualTo(StorageTaskStatus.UNKNOWN);
			assertThat(task.rawStatus()).isEqualTo("PAUSED");
			assertThat(task.isTerminal()).isFalse();
		}).verifyComplete();
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[1,2]", "{\"notTask\":{}}", "{\"task\":\"x\"}", "",
			"{\"task\":{\"totalCount\":\"many\"}}", "{\"task\":{\"totalCount\":1.5}}",
			"{\"task\":{\"beginTime\":\"yesterday\"}}", "{\"task\":{\"beginTime\":\"2022-07-29T14:55\"}}",
			"{\"task\":{\"id\":[1]}}", "{\"task\":{\"totalCount\":-1}}", "{\"task\":{}} trailing", "{\"task\":{}}{}",
			"{\"task\":{\"status\":\"RUNNING\"", "{\"task\":{\"failMessage\":{\"a\":1}}}" })
	void malformedSuccessBodiesFailWithMalformedResponseException(String body) {
		this.server.enqueue(json(200, body));
		StepVerifier.create(this.client.getTask("t", "u"))
			.expectError(DingTalkMalformedResponseException.class)
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void taskNotExistIsStorageTaskNotFoundExceptionWithCodeRequestIdAndMessage() {
		this.server.enqueue(error(404, "taskNotExist", "任务不存在"));
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(StorageTaskNotFoundException.class);
			DingTalkApiException api = (DingTalkApiException) ex;
			assertThat(api.getStatusCode()).isEqualTo(404);
			assertThat(api.getErrorCode()).isEqualTo("taskNotExist");
			assertThat(api.getRequestId()).isEqualTo("REQ-404");
			assertThat(api.getMessage()).contains("404", "taskNotExist", "REQ-404", "任务不存在");
		}).verify();
	}

	@ParameterizedTest
	@CsvSource({ "400,paramError,io.github.dingtalkboot.core.DingTalkApiException",
			"400,paramError.taskId,io.github.dingtalkboot.core.DingTalkApiException",
			"500,systemError,io.github.dingtalkboot.core.DingTalkServerException",
			"500,unknownError,io.github.dingtalkboot.core.DingTalkServerException",
			"503,operationTimeout,io.github.dingtalkboot.core.DingTalkServerException",
			"400,InvalidAuthentication,io.github.dingtalkboot.core.DingTalkAuthenticationException",
			"400,AuthenticationFailed.MissingParameter,io.github.dingtalkboot.core.DingTalkAuthenticationException",
			"401,Unauthorized,io.github.dingtalkboot.core.DingTalkAuthenticationException",
			"403,Forbidden.AccessDenied.AccessTokenPermissionDenied,io.github.dingtalkboot.core.DingTalkApiException",
			"403,Forbidden.AccessDenied.QpsLimitForAppkeyAndApi,io.github.dingtalkboot.core.DingTalkThrottledException",
			"403,Forbidden.AccessDenied.QpsLimitForApi,io.github.dingtalkboot.core.DingTalkThrottledException",
			"403,Forbidden.AccessDenied.ApiCountLimitForOrg,io.github.dingtalkboot.core.DingTalkThrottledException",
			"429,TooManyRequests,io.github.dingtalkboot.core.DingTalkThrottledException" })
	void everyDocumentedErrorMapsToItsExceptionType(int status, String code, Class<?> type) {
		this.server.enqueue(error(status, code, "msg"));
		this.server.enqueue(error(status, code, "msg"));
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(type);
			assertThat(((DingTalkApiException) ex).getStatusCode()).isEqualTo(status);
			assertThat(((DingTalkApiException) ex).getErrorCode()).isEqualTo(code);
		}).verify();
	}

	@Test
	void quotaThrottlingSaysTheQuotaIsExhausted() {
		this.server.enqueue(error(403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota"));
		StepVerifier.create(this.client.getTask("t", "u"))
			.expectErrorSatisfies((ex) -> assertThat(((DingTalkThrottledException) ex).isQuotaExhausted()).isTrue())
			.verify();
	}

	@Test
	void errorBodyKeyOrderDoesNotMatterAndRequestIdFallsBackToTheHeader() {
		this.server.enqueue(json(500, "{\"message\":\"boom\",\"code\":\"systemError\"}"));
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			DingTalkServerException server = (DingTalkServerException) ex;
			assertThat(server.getErrorCode()).isEqualTo("systemError");
			assertThat(server.getErrorMessage()).isEqualTo("boom");
			assertThat(server.getRequestId()).isEqualTo("HDR-REQ-1");
		}).verify();
	}

	@Test
	void htmlBanPageGivesTheStatusTypeAndATruncatedSnippet() {
		String html = "<html><body><h1>Access denied</h1>" + "x".repeat(5000) + "</body></html>";
		this.server.enqueue(new mockwebserver3.MockResponse.Builder().code(403)
			.setHeader("Content-Type", "text/html")
			.body(html)
			.build());
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			DingTalkApiException api = (DingTalkApiException) ex;
			assertThat(api.getStatusCode()).isEqualTo(403);
			assertThat(api.getErrorCode()).isNull();
			assertThat(api.getErrorMessage()).startsWith("<html><body><h1>Access denied</h1>").hasSizeLessThan(250);
		}).verify();
	}

	@Test
	void emptyErrorBodyStillGivesTheRightType() {
		this.server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).build());
		StepVerifier.create(this.client.getTask("t", "u")).expectErrorSatisfies((ex) -> {
			assertThat(ex).isExactlyInstanceOf(DingTalkServerException.class);
			assertThat(((DingTalkApiException) ex).getErrorMessage()).isNull();
		}).verify();
	}

	@Test
	void rejectedTokenIsInvalidatedAndTheCallRetriedOnceWithAFreshToken() throws Exception {
		RotatingTokens tokens = new RotatingTokens();
		StorageTaskClient rotating = new StorageTaskClient(this.http, tokens, DefaultSettings.storage(), null);
		this.server.enqueue(error(400, "InvalidAuthentication", "不合法的access_token"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(rotating.getTask("t", "u")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest().getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo("token-1");
		assertThat(this.server.takeRequest().getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo("token-2");
		assertThat(tokens.invalidated).isEqualTo("token-1");
	}

	@Test
	void secondTokenRejectionReachesTheCaller() {
		StorageTaskClient rotating = new StorageTaskClient(this.http, new RotatingTokens(), DefaultSettings.storage(),
				null);
		this.server.enqueue(error(400, "InvalidAuthentication", "bad"));
		this.server.enqueue(error(400, "InvalidAuthentication", "bad again"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(rotating.getTask("t", "u"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
				.hasMessageContaining("bad again"))
			.verify();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void exceptionsNeverContainTheToken() {
		this.server.enqueue(error(400, "InvalidAuthentication", "bad"));
		this.server.enqueue(error(400, "InvalidAuthentication", "bad"));
		StepVerifier.create(this.client.getTask("t", "u"))
			.expectErrorSatisfies((ex) -> assertThat(ex.toString()).doesNotContain(TOKEN))
			.verify();
	}

	/** Hands out token-1, token-2, … and remembers what was invalidated. */
	private static final class RotatingTokens implements AccessTokenSupplier {

		private int next = 1;

		private volatile String current = "token-1";

		private volatile String invalidated;

		@Override
		public reactor.core.publisher.Mono<String> getAccessToken() {
			return reactor.core.publisher.Mono.fromSupplier(() -> this.current);
		}

		@Override
		public synchronized void invalidate(String token) {
			if (token.equals(this.current)) {
				this.invalidated = token;
				this.current = "token-" + (++this.next);
			}
		}

	}

}
