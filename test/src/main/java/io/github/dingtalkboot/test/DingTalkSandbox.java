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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufMono;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
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

	private final Map<String, SandboxTask.Script> tasks = new ConcurrentHashMap<>();

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	private final Set<String> authorized = ConcurrentHashMap.newKeySet();

	private final Map<Api, Deque<SandboxFailure>> failures = new EnumMap<>(Api.class);

	private final Map<Api, Share> shares = new ConcurrentHashMap<>();

	private final List<SandboxRequest> journal = new CopyOnWriteArrayList<>();

	private final Set<String> callbacks = ConcurrentHashMap.newKeySet();

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(CALLBACK_TOKEN, CALLBACK_AES_KEY,
			SUITE_KEY);

	private final AtomicLong pushIds = new AtomicLong();

	private final DisposableServer server;

	private DingTalkSandbox(Clock clock) {
		this.clock = clock;
		this.authorized.addAll(CORPS);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes
				.post("/v1.0/oauth2/accessToken",
						(request, response) -> handle(Api.ACCESS_TOKEN, request, response, this::accessToken))
				.post("/v1.0/oauth2/corpAccessToken",
						(request, response) -> handle(Api.CORP_ACCESS_TOKEN, request, response, this::corpAccessToken))
				.get("/v1.0/storage/tasks/{taskId}",
						(request, response) -> handle(Api.STORAGE_TASK, request, response, this::task))
				.post("/sandbox/callbacks", this::subscribe))
			.bindNow();
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
		return new SandboxTask(this, taskId);
	}

	/**
	 * Fail the next requests to an API instead of answering them.
	 * @param api the API
	 * @param times how many of its next requests fail
	 * @param failure how
	 */
	public void failNext(Api api, int times, SandboxFailure failure) {
		Objects.requireNonNull(failure, "failure");
		synchronized (this.failures) {
			Deque<SandboxFailure> queue = this.failures.computeIfAbsent(api, (key) -> new ArrayDeque<>());
			for (int i = 0; i < times; i++) {
				queue.add(failure);
			}
		}
	}

	/**
	 * Fail a share of all later requests to an API, at random, as a flaky DingTalk does
	 * (failures queued with {@link #failNext} come first).
	 * @param api the API
	 * @param share the share, 0 (none, the default) to 1 (all)
	 * @param failure how
	 */
	public void failShare(Api api, double share, SandboxFailure failure) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("A share is 0 to 1, not " + share);
		}
		this.shares.put(api, new Share(share, Objects.requireNonNull(failure, "failure")));
	}

	/**
	 * Every request received, in order.
	 * @return the requests
	 */
	public List<SandboxRequest> requests() {
		return List.copyOf(this.journal);
	}

	/**
	 * The requests received for one API, in order.
	 * @param api the API
	 * @return its requests
	 */
	public List<SandboxRequest> requests(Api api) {
		return this.journal.stream().filter((request) -> request.api() == api).toList();
	}

	/**
	 * Make every token issued so far invalid: DingTalk answers them HTTP 400
	 * {@code InvalidAuthentication}, and the next token request gets a new one.
	 */
	public void revokeTokens() {
		this.tokens.clear();
	}

	/**
	 * The corps that authorise the suite now.
	 * @return their ids, in the order of {@link #CORPS}
	 */
	public List<String> authorizedCorps() {
		return CORPS.stream().filter(this.authorized::contains).toList();
	}

	/**
	 * A corp authorises the suite (again): it gets tokens, and the callbacks are pushed
	 * {@code tmp_auth_code}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void authorize(String corpId) {
		requireCorp(corpId);
		this.authorized.add(corpId);
		pushToAll(Map.of("EventType", "tmp_auth_code", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY, "AuthCode",
				"sandbox-auth-code-" + this.pushIds.incrementAndGet(), "TimeStamp",
				String.valueOf(this.clock.millis())));
	}

	/**
	 * A corp withdraws its authorisation: its tokens stop working, it gets no new one,
	 * and the callbacks are pushed {@code suite_relieve}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void withdraw(String corpId) {
		requireCorp(corpId);
		this.authorized.remove(corpId);
		this.tokens.values().removeIf((grant) -> corpId.equals(grant.corpId()));
		pushToAll(Map.of("EventType", "suite_relieve", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY, "TimeStamp",
				String.valueOf(this.clock.millis())));
	}

	/**
	 * The crypto of the sandbox's callback pushes (its token, key and suite key), as
	 * {@code dingtalk.callback.*} configures it against the real DingTalk.
	 * @return the crypto
	 */
	public DingTalkCallbackCrypto callbackCrypto() {
		return this.crypto;
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
		this.callbacks.add(callbackUrl);
		String bizData = this.json.writeValueAsString(Map.of("syncAction", "suite_ticket", "suiteTicket", SUITE_TICKET,
				"syncSeq", String.valueOf(this.pushIds.incrementAndGet())));
		Map<String, Object> entry = Map.of("biz_type", 2, "id", this.pushIds.incrementAndGet(), "biz_id", "sandbox",
				"corp_id", "sandbox-isv", "subscribe_id", "sandbox_0", "status", 0, "biz_data", bizData);
		push(callbackUrl, Map.of("EventType", "SYNC_HTTP_PUSH_HIGH", "bizData", List.of(entry)));
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

	private Mono<Void> subscribe(HttpServerRequest request, HttpServerResponse response) {
		// the push goes out and waits for its answer: not on an event loop
		return request.receive()
			.aggregate()
			.asString(StandardCharsets.UTF_8)
			.publishOn(Schedulers.boundedElastic())
			.flatMap((callbackUrl) -> {
				pushTo(callbackUrl.trim());
				return response.status(HttpResponseStatus.NO_CONTENT).send();
			})
			.then();
	}

	Instant now() {
		return this.clock.instant();
	}

	void define(SandboxTask.Script script) {
		if (script.corpId() != null) {
			requireCorp(script.corpId());
		}
		this.tasks.put(script.id(), script);
	}

	private static void requireCorp(String corpId) {
		if (!CORPS.contains(corpId)) {
			throw new IllegalArgumentException("Not a corp of the sandbox (" + CORPS + "): " + corpId);
		}
	}

	private void pushToAll(Map<String, Object> message) {
		this.callbacks.forEach((callbackUrl) -> push(callbackUrl, message));
	}

	private void push(String callbackUrl, Map<String, Object> message) {
		DingTalkCallbackCrypto.Encrypted encrypted = this.crypto.encrypt(this.json.writeValueAsString(message),
				String.valueOf(this.clock.millis()), UUID.randomUUID().toString().substring(0, 16));
		String uri = callbackUrl + "?msg_signature=" + encrypted.msgSignature() + "&timestamp=" + encrypted.timeStamp()
				+ "&nonce=" + encrypted.nonce();
		String body = this.json.writeValueAsString(Map.of("encrypt", encrypted.encrypt()));
		// the application answers on its own server: wait for it off any event loop
		String reply = Mono
			.defer(() -> HttpClient.create()
				.responseTimeout(Duration.ofSeconds(30))
				.headers((headers) -> headers.set("Content-Type", "application/json"))
				.post()
				.uri(uri)
				.send(ByteBufMono.fromString(Mono.just(body)))
				.responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8)
					.defaultIfEmpty("")
					.map((text) -> (response.status().code() == 200) ? text : "HTTP " + response.status().code())))
			.subscribeOn(Schedulers.boundedElastic())
			.block(Duration.ofSeconds(60));
		JsonNode answer = (reply != null && reply.startsWith("{")) ? this.json.readTree(reply) : null;
		if (answer == null || !"success".equals(this.crypto.decrypt(text(answer, "msg_signature"),
				text(answer, "timeStamp"), text(answer, "nonce"), text(answer, "encrypt")))) {
			throw new IllegalStateException(
					"The application did not answer the push with the encrypted success: " + reply);
		}
	}

	private Mono<Void> handle(Api api, HttpServerRequest request, HttpServerResponse response, Handler handler) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			SandboxRequest received = new SandboxRequest(api, request.method().name(), path(request.uri()),
					query(request.uri()), request.requestHeaders().get("x-acs-dingtalk-access-token"), body,
					this.clock.instant());
			this.journal.add(received);
			SandboxFailure failure;
			synchronized (this.failures) {
				Deque<SandboxFailure> queue = this.failures.get(api);
				failure = (queue != null) ? queue.poll() : null;
			}
			Share share = this.shares.get(api);
			if (failure == null && share != null && ThreadLocalRandom.current().nextDouble() < share.share()) {
				failure = share.failure();
			}
			if (failure == null) {
				return handler.handle(request, received, response);
			}
			return switch (failure.kind()) {
				case ERROR -> error(response, failure.status(), failure.code(), "sandbox failure");
				case BAN_PAGE -> response.status(HttpResponseStatus.FORBIDDEN)
					.header("Content-Type", "text/html;charset=utf-8")
					.sendString(Mono.just("<html><body><h1>403 Forbidden</h1><p>Your IP is banned for 5 minutes."
							+ "</p></body></html>"))
					.then();
				// answered as at the end of the delay (a token's expiry on the sandbox's
				// clock)
				case DELAY ->
					Mono.delay(failure.delay()).then(Mono.defer(() -> handler.handle(request, received, response)));
				case DROP -> {
					response.withConnection((connection) -> connection.channel().close());
					yield Mono.empty();
				}
			};
		});
	}

	private Mono<Void> accessToken(HttpServerRequest request, SandboxRequest received, HttpServerResponse response) {
		JsonNode credentials = this.json.readTree(received.body().isEmpty() ? "{}" : received.body());
		if (!APP_KEY.equals(text(credentials, "appKey")) || !APP_SECRET.equals(text(credentials, "appSecret"))) {
			return error(response, 400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
		}
		Instant now = this.clock.instant();
		// while a token is valid DingTalk answers the same one, and extends it
		String token = this.tokens.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().corpId() == null && now.isBefore(entry.getValue().expiry()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseGet(() -> "sandbox-" + UUID.randomUUID());
		this.tokens.put(token, new Grant(null, now.plus(TOKEN_LIFETIME)));
		return send(response, 200, Map.of("accessToken", token, "expireIn", TOKEN_LIFETIME.toSeconds()));
	}

	private Mono<Void> corpAccessToken(HttpServerRequest request, SandboxRequest received,
			HttpServerResponse response) {
		JsonNode credentials = this.json.readTree(received.body().isEmpty() ? "{}" : received.body());
		if (!SUITE_KEY.equals(text(credentials, "suiteKey"))
				|| !SUITE_SECRET.equals(text(credentials, "suiteSecret"))) {
			return error(response, 400, "invalidSuiteKey", "无效的suiteKey或者suiteSecret");
		}
		if (!SUITE_TICKET.equals(text(credentials, "suiteTicket"))) {
			return error(response, 400, "invalidSuiteTicket", "无效的suiteTicket");
		}
		String corpId = text(credentials, "authCorpId");
		if (corpId == null || !this.authorized.contains(corpId)) {
			return error(response, 400, "invalidAuthInfo", "企业未授权该应用");
		}
		String token = "sandbox-" + UUID.randomUUID();
		this.tokens.put(token, new Grant(corpId, this.clock.instant().plus(TOKEN_LIFETIME)));
		return send(response, 200, Map.of("accessToken", token, "expireIn", TOKEN_LIFETIME.toSeconds()));
	}

	private Mono<Void> task(HttpServerRequest request, SandboxRequest received, HttpServerResponse response) {
		String token = received.accessToken();
		if (token == null) {
			return error(response, 400, "AuthenticationFailed.MissingParameter", "缺少参数 x-acs-dingtalk-access-token");
		}
		Grant grant = this.tokens.get(token);
		Instant now = this.clock.instant();
		if (grant == null || !now.isBefore(grant.expiry())) {
			return error(response, 400, "InvalidAuthentication", "不合法的access_token");
		}
		String unionId = received.query().get("unionId");
		if (unionId == null || unionId.isEmpty()) {
			return error(response, 400, "paramError", "unionId is required");
		}
		String taskId = request.param("taskId");
		SandboxTask.Script script = (taskId != null) ? this.tasks.get(URLDecoder.decode(taskId, StandardCharsets.UTF_8))
				: null;
		if (script == null || !Objects.equals(script.corpId(), grant.corpId())) {
			return error(response, 404, "taskNotExist", "任务不存在");
		}
		return send(response, 200, Map.of("task", script.stateAt(now)));
	}

	private Mono<Void> error(HttpServerResponse response, int status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestid", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
		body.put("code", code);
		body.put("message", message);
		return send(response, status, body);
	}

	private Mono<Void> send(HttpServerResponse response, int status, Object body) {
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.status(HttpResponseStatus.valueOf(status))
			.header("Content-Type", "application/json;charset=utf-8")
			.header("x-acs-request-id", UUID.randomUUID().toString())
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	private static String path(String uri) {
		int query = uri.indexOf('?');
		return (query < 0) ? uri : uri.substring(0, query);
	}

	private static Map<String, String> query(String uri) {
		int start = uri.indexOf('?');
		if (start < 0) {
			return Map.of();
		}
		Map<String, String> query = new LinkedHashMap<>();
		for (String pair : uri.substring(start + 1).split("&")) {
			int equals = pair.indexOf('=');
			String name = URLDecoder.decode((equals < 0) ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
			String value = (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			query.putIfAbsent(name, value);
		}
		return Collections.unmodifiableMap(query);
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	/**
	 * Stop listening.
	 */
	@Override
	public void close() {
		this.server.disposeNow();
	}

	@Override
	public String toString() {
		return "DingTalkSandbox[" + baseUrl() + ", " + this.tasks.size() + " tasks]";
	}

	@FunctionalInterface
	private interface Handler {

		Mono<Void> handle(HttpServerRequest request, SandboxRequest received, HttpServerResponse response);

	}

	/** A share of requests failed at random. */
	private record Share(double share, SandboxFailure failure) {

	}

	/**
	 * A token: the corp it was issued to ({@code null} for the internal app), and until
	 * when.
	 */
	private record Grant(@Nullable String corpId, Instant expiry) {

	}

}
