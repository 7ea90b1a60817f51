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

package io.github.dingtalkboot.test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake DingTalk for an application's own tests, served over real HTTP on a port of its
 * own, as the starter reaches the real one (it has no sandbox code path). It answers:
 * <ul>
 * <li>{@code POST /v1.0/oauth2/accessToken} for the internal app {@link #APP_KEY} /
 * {@link #APP_SECRET} (the same token while it is valid, as DingTalk does);</li>
 * <li>{@code POST /v1.0/oauth2/corpAccessToken} for the suite {@link #SUITE_KEY} /
 * {@link #SUITE_SECRET} with the current {@link #SUITE_TICKET}, one new token per call
 * for each corp of {@link #CORPS} that authorises the suite, {@code invalidAuthInfo} for
 * one that {@link #withdraw withdrew};</li>
 * <li>{@code GET /v1.0/storage/tasks/{taskId}} for the tasks a test defines with
 * {@link #task(String)}: token header and {@code unionId} checked, DingTalk's error
 * bodies (lower-case {@code requestid}), {@code taskNotExist} for an unknown task or
 * another corp's.</li>
 * </ul>
 * A test fails requests on purpose ({@link #failNext}), revokes tokens
 * ({@link #revokeTokens()}) and reads what was sent ({@link #requests()}). Its clock is
 * injectable: with a clock the test moves, an hour-long task ends at once. Like DingTalk
 * it pushes suite tickets and authorisation changes to the application's callback,
 * encrypted and signed with {@link #callbackCrypto()}, once told where
 * ({@link #pushTo(String)}). A push waits for the application's answer: push from a
 * test's thread, not from an event loop.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkSandbox implements AutoCloseable {

	/** The internal app's key. */
	public static final String APP_KEY = "sandbox-app-key";

	/** The internal app's secret. */
	public static final String APP_SECRET = "sandbox-app-secret";

	/** The suite key of the third-party app. */
	public static final String SUITE_KEY = "sandbox-suite-key";

	/** Its suite secret. */
	public static final String SUITE_SECRET = "sandbox-suite-secret";

	/** The suite ticket the sandbox accepts (and pushes). */
	public static final String SUITE_TICKET = "sandbox-suite-ticket";

	/** The callback token of the sandbox's "developer console". */
	public static final String CALLBACK_TOKEN = "sandbox-callback-token";

	/** The callback's EncodingAESKey. */
	public static final String CALLBACK_AES_KEY = "CemX17T+Alj1Vay06nKwDGFkxA5WIg4pKG6im4DQHow";

	/** The corps that installed the suite, all authorising it at first. */
	public static final List<String> CORPS = List.of("sandbox-corp-a", "sandbox-corp-b");

	/** How long a token lives, as DingTalk's do. */
	public static final Duration TOKEN_LIFETIME = Duration.ofHours(2);

	/**
	 * The APIs the sandbox answers.
	 */
	public enum Api {

		/** {@code POST /v1.0/oauth2/accessToken}. */
		ACCESS_TOKEN,

		/** {@code POST /v1.0/oauth2/corpAccessToken}. */
		CORP_ACCESS_TOKEN,

		/** {@code GET /v1.0/storage/tasks/{taskId}}. */
		STORAGE_TASK

	}

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final SandboxPushes pushes;

	private final SandboxTokens tokens;

	private final SandboxServer server;

	private DingTalkSandbox(Clock clock) {
		this.clock = clock;
		this.tokens = new SandboxTokens(clock, TOKEN_LIFETIME);
		this.pushes = new SandboxPushes(new DingTalkCallbackCrypto(CALLBACK_TOKEN, CALLBACK_AES_KEY, SUITE_KEY),
				SUITE_TICKET, clock, this.json);
		this.server = new SandboxServer(new SandboxServer.Credentials(APP_KEY, APP_SECRET, SUITE_KEY, SUITE_SECRET,
				SUITE_TICKET, TOKEN_LIFETIME), clock, this.json, this.tokens, this.pushes);
		this.server.authorized().addAll(CORPS);
	}

	/**
	 * Start a sandbox on the system clock, on a free port of 127.0.0.1.
	 * @return the sandbox, listening
	 */
	public static DingTalkSandbox start() {
		return start(Clock.systemUTC());
	}

	/**
	 * Start a sandbox on a clock of the test's own.
	 * @param clock the clock tasks and tokens run on
	 * @return the sandbox, listening
	 */
	public static DingTalkSandbox start(Clock clock) {
		return new DingTalkSandbox(Objects.requireNonNull(clock, "clock"));
	}

	/**
	 * The sandbox's base URL, for {@code dingtalk.base-url}.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * Script a storage task; the script takes effect when finished (for example with
	 * {@link SandboxTask#succeeds()}), and replaces any earlier one of that id.
	 * @param taskId the task's id
	 * @return the script
	 */
	public SandboxTask task(String taskId) {
		return new SandboxTask(taskId, this.clock, this::define);
	}

	/**
	 * Fail the next requests to an API instead of answering them.
	 * @param api the API
	 * @param times how many of its next requests fail
	 * @param failure how
	 */
	public void failNext(Api api, int times, SandboxFailure failure) {
		this.server.faults().failNext(api, times, failure);
	}

	/**
	 * Fail a share of all later requests to an API, at random, as a flaky DingTalk does
	 * (failures queued with {@link #failNext} come first).
	 * @param api the API
	 * @param share the share, 0 (none, the default) to 1 (all)
	 * @param failure how
	 */
	public void failShare(Api api, double share, SandboxFailure failure) {
		this.server.faults().failShare(api, share, failure);
	}

	/**
	 * Every request received, in order.
	 * @return the requests
	 */
	public List<SandboxRequest> requests() {
		return List.copyOf(this.server.journal());
	}

	/**
	 * The requests received for one API, in order.
	 * @param api the API
	 * @return its requests
	 */
	public List<SandboxRequest> requests(Api api) {
		return this.server.journal().stream().filter((request) -> request.api() == api).toList();
	}

	/**
	 * Make every token issued so far invalid: DingTalk answers them HTTP 400
	 * {@code InvalidAuthentication}, and the next token request gets a new one.
	 */
	public void revokeTokens() {
		this.tokens.revokeAll();
	}

	/**
	 * The corps that authorise the suite now.
	 * @return their ids, in the order of {@link #CORPS}
	 */
	public List<String> authorizedCorps() {
		return CORPS.stream().filter(this.server.authorized()::contains).toList();
	}

	/**
	 * A corp authorises the suite (again): it gets tokens, and the callbacks are pushed
	 * {@code tmp_auth_code}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void authorize(String corpId) {
		requireCorp(corpId);
		this.server.authorized().add(corpId);
		this.pushes
			.pushToAll(Map.of("EventType", "tmp_auth_code", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY, "AuthCode",
					"sandbox-auth-code-" + this.pushes.nextId(), "TimeStamp", String.valueOf(this.clock.millis())));
	}

	/**
	 * A corp withdraws its authorisation: its tokens stop working, it gets no new one,
	 * and the callbacks are pushed {@code suite_relieve}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void withdraw(String corpId) {
		requireCorp(corpId);
		this.server.authorized().remove(corpId);
		this.tokens.revoke(corpId);
		this.pushes.pushToAll(Map.of("EventType", "suite_relieve", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY,
				"TimeStamp", String.valueOf(this.clock.millis())));
	}

	/**
	 * The crypto of the sandbox's callback pushes (its token, key and suite key), as
	 * {@code dingtalk.callback.*} configures it against the real DingTalk.
	 * @return the crypto
	 */
	public DingTalkCallbackCrypto callbackCrypto() {
		return this.pushes.crypto();
	}

	/**
	 * Push to an application's callback from now on, as DingTalk pushes to the URL
	 * registered in its console, and push it the suite ticket at once (a
	 * {@code SYNC_HTTP_PUSH_HIGH}).
	 * @param callbackUrl the callback's URL, e.g.
	 * {@code http://127.0.0.1:8080/dingtalk/callback}
	 * @throws IllegalStateException when the application does not answer with the
	 * encrypted {@code success}
	 */
	public void pushTo(String callbackUrl) {
		this.pushes.pushTo(callbackUrl);
	}

	/**
	 * Ask a sandbox running elsewhere (in another process, or another instance of the
	 * application) to push to a callback too: {@code POST /sandbox/callbacks} with the
	 * callback's URL as the body.
	 * @param sandboxBaseUrl that sandbox's base URL
	 * @param callbackUrl the callback's URL
	 */
	public static void subscribe(String sandboxBaseUrl, String callbackUrl) {
		HttpClient.create()
			.responseTimeout(Duration.ofSeconds(30))
			.post()
			.uri(sandboxBaseUrl + "/sandbox/callbacks")
			.send(ByteBufMono.fromString(Mono.just(callbackUrl)))
			.response()
			.filter((response) -> response.status().code() == 204)
			.switchIfEmpty(Mono.error(() -> new IllegalStateException("The sandbox did not take the callback")))
			.block(Duration.ofSeconds(60));
	}

	void define(SandboxTask.Script script) {
		if (script.corpId() != null) {
			requireCorp(script.corpId());
		}
		this.server.tasks().put(script.id(), script);
	}

	private static void requireCorp(String corpId) {
		if (!CORPS.contains(corpId)) {
			throw new IllegalArgumentException("Not a corp of the sandbox (" + CORPS + "): " + corpId);
		}
	}

	/**
	 * Stop listening.
	 */
	@Override
	public void close() {
		this.server.close();
	}

	@Override
	public String toString() {
		return "DingTalkSandbox[" + baseUrl() + ", " + this.server.tasks().size() + " tasks]";
	}

}
