package io.github.dingtalkboot.sample.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.handler.codec.http.HttpResponseStatus;
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

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;

/**
 * A fake DingTalk served over real HTTP on its own port, so the sample runs with no
 * account and no network. It plays a third-party app's suite installed by two corps: it
 * answers the corp token endpoint (suite key, secret and ticket checked, one token per
 * corp that authorised the suite, {@code invalidAuthInfo} for one that withdrew) and
 * {@code GET /v1.0/storage/tasks/{taskId}} as the real API does (token header checked,
 * lower-case {@code requestid} errors, {@code taskNotExist}, a task visible to its own
 * corp's token only), lets tasks progress with time, and fails a share of calls with 503
 * {@code operationTimeout} so retries can be seen. Like DingTalk, it pushes the suite
 * ticket and the corps' authorisations to the application's callback, encrypted and
 * signed with the callback token and key. The starter reaches it like the real thing: it
 * has no sandbox code path.
 */
public final class SandboxDingTalk implements AutoCloseable {

	static final String SUITE_KEY = "sandbox-suite-key";

	static final String SUITE_SECRET = "sandbox-suite-secret";

	/** The suite ticket the sandbox pushes to the application's callback. */
	static final String SUITE_TICKET = "sandbox-suite-ticket";

	/** The callback token set in the sandbox's "developer console". */
	static final String CALLBACK_TOKEN = "sandbox-callback-token";

	/** The callback's EncodingAESKey set there. */
	static final String CALLBACK_AES_KEY = "CemX17T+Alj1Vay06nKwDGFkxA5WIg4pKG6im4DQHow";

	/**
	 * The corps that installed the sandbox's suite; the first is the sample's default.
	 */
	public static final List<String> CORPS = List.of("sandbox-corp-a", "sandbox-corp-b");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, DemoTask> tasks = new ConcurrentHashMap<>();

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	/** The corps that authorised the suite now: both, until one withdraws. */
	private final Set<String> authorized = ConcurrentHashMap.newKeySet();

	/** The callback URLs pushes go to: one per instance of the application. */
	private final Set<String> callbacks = ConcurrentHashMap.newKeySet();

	private final DingTalkCallbackCrypto crypto = new DingTalkCallbackCrypto(CALLBACK_TOKEN, CALLBACK_AES_KEY,
			SUITE_KEY);

	private final HttpClient pushClient = HttpClient.create().responseTimeout(Duration.ofSeconds(30));

	private final AtomicLong pushIds = new AtomicLong();

	private final double failureRate;

	private final Duration taskDuration;

	private final Clock clock;

	private final DisposableServer server;

	SandboxDingTalk(double failureRate, Duration taskDuration, Clock clock) {
		this.failureRate = failureRate;
		this.taskDuration = taskDuration;
		this.clock = clock;
		this.authorized.addAll(CORPS);
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1.0/oauth2/corpAccessToken", this::corpAccessToken)
				.get("/v1.0/storage/tasks/{taskId}", this::task)
				.post("/sandbox/callbacks", this::subscribe))
			.bindNow();
	}

	/**
	 * The sandbox's base URL.
	 * @return e.g. {@code http://127.0.0.1:40123}
	 */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/**
	 * The corps that authorised the suite now.
	 * @return their ids, in the order of {@link #CORPS}
	 */
	public List<String> authorizedCorps() {
		return CORPS.stream().filter(this.authorized::contains).toList();
	}

	/**
	 * Send pushes to an instance's callback from now on, and push it the current suite
	 * ticket at once, as DingTalk pushes to the URL registered in its console.
	 * @param callbackUrl the callback's URL
	 */
	public void pushTo(String callbackUrl) {
		this.callbacks.add(callbackUrl);
		// in DingTalk's newer form: an entry of a SYNC_HTTP_PUSH_HIGH, biz_type 2
		String bizData = this.json.writeValueAsString(Map.of("syncAction", "suite_ticket", "suiteTicket", SUITE_TICKET,
				"syncSeq", String.valueOf(this.pushIds.incrementAndGet())));
		Map<String, Object> entry = Map.of("biz_type", 2, "id", this.pushIds.incrementAndGet(), "biz_id", "sandbox",
				"corp_id", "sandbox-isv", "subscribe_id", "sandbox_0", "status", 0, "biz_data", bizData);
		push(callbackUrl, Map.of("EventType", "SYNC_HTTP_PUSH_HIGH", "bizData", List.of(entry)));
	}

	/**
	 * A corp authorises the suite: it can have tokens again, and the application is
	 * pushed {@code tmp_auth_code}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void authorize(String corpId) {
		this.authorized.add(corpId);
		pushToAll(Map.of("EventType", "tmp_auth_code", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY, "AuthCode",
				"sandbox-auth-code-" + this.pushIds.incrementAndGet(), "TimeStamp",
				String.valueOf(this.clock.millis())));
	}

	/**
	 * A corp withdraws its authorisation: its tokens stop working, and the application is
	 * pushed {@code suite_relieve}.
	 * @param corpId one of {@link #CORPS}
	 */
	public void withdraw(String corpId) {
		this.authorized.remove(corpId);
		this.tokens.values().removeIf((grant) -> grant.corpId().equals(corpId));
		pushToAll(Map.of("EventType", "suite_relieve", "AuthCorpId", corpId, "SuiteKey", SUITE_KEY, "TimeStamp",
				String.valueOf(this.clock.millis())));
	}

	private void pushToAll(Map<String, Object> message) {
		this.callbacks.forEach((callbackUrl) -> push(callbackUrl, message));
	}

	/**
	 * Push a message, encrypted and signed as DingTalk does, and check that the answer is
	 * the encrypted {@code success}.
	 */
	private void push(String callbackUrl, Map<String, Object> message) {
		DingTalkCallbackCrypto.Encrypted encrypted = this.crypto.encrypt(this.json.writeValueAsString(message),
				String.valueOf(this.clock.millis()), UUID.randomUUID().toString().substring(0, 16));
		String uri = callbackUrl + "?msg_signature=" + encrypted.msgSignature() + "&timestamp=" + encrypted.timeStamp()
				+ "&nonce=" + encrypted.nonce();
		String reply = this.pushClient.headers((headers) -> headers.set("Content-Type", "application/json"))
			.post()
			.uri(uri)
			.send(ByteBufMono
				.fromString(Mono.just(this.json.writeValueAsString(Map.of("encrypt", encrypted.encrypt())))))
			.responseSingle((response, body) -> body.asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.map((text) -> (response.status().code() == 200) ? text : "HTTP " + response.status().code()))
			.block(Duration.ofSeconds(30));
		JsonNode answer = (reply != null && reply.startsWith("{")) ? this.json.readTree(reply) : null;
		if (answer == null || !"success".equals(this.crypto.decrypt(text(answer, "msg_signature"),
				text(answer, "timeStamp"), text(answer, "nonce"), text(answer, "encrypt")))) {
			throw new IllegalStateException(
					"The application did not answer the push with the encrypted success: " + reply);
		}
	}

	/**
	 * Ask a sandbox running elsewhere (another instance's) to push to a callback too.
	 * @param sandboxBaseUrl that sandbox's base URL
	 * @param callbackUrl the callback's URL
	 */
	static void subscribe(String sandboxBaseUrl, String callbackUrl) {
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

	/**
	 * Start a demo bulk operation of the default corp, as a bulk move would.
	 * @return the new task's id
	 */
	public String startDemoTask() {
		return startDemoTask(CORPS.get(0));
	}

	/**
	 * Start a demo bulk operation of a corp, as a bulk move would.
	 * @param corpId one of {@link #CORPS}
	 * @return the new task's id
	 */
	public String startDemoTask(String corpId) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id = "demo-" + UUID.randomUUID().toString().substring(0, 8);
		long total = random.nextLong(5, 40);
		boolean fails = random.nextDouble() < 0.25;
		// each task takes between half and one and a half times the configured duration
		Duration duration = Duration.ofMillis((long) (this.taskDuration.toMillis() * random.nextDouble(0.5, 1.5)));
		this.tasks.put(id, new DemoTask(id, corpId, total, this.clock.instant(), duration, fails));
		return id;
	}

	private Mono<Void> corpAccessToken(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("{}").flatMap((body) -> {
			JsonNode credentials = this.json.readTree(body);
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
			this.tokens.put(token, new Grant(corpId, this.clock.instant().plus(2, ChronoUnit.HOURS)));
			return send(response, 200, Map.of("accessToken", token, "expireIn", 7200));
		});
	}

	private Mono<Void> task(HttpServerRequest request, HttpServerResponse response) {
		String token = request.requestHeaders().get("x-acs-dingtalk-access-token");
		if (token == null) {
			return error(response, 400, "AuthenticationFailed.MissingParameter", "缺少参数 x-acs-dingtalk-access-token");
		}
		Grant grant = this.tokens.get(token);
		if (grant == null || this.clock.instant().isAfter(grant.expiry())) {
			return error(response, 400, "InvalidAuthentication", "不合法的access_token");
		}
		if (!request.uri().contains("unionId=")) {
			return error(response, 400, "paramError", "unionId is required");
		}
		if (ThreadLocalRandom.current().nextDouble() < this.failureRate) {
			return error(response, 503, "operationTimeout", "请求超时");
		}
		DemoTask task = this.tasks.get(request.param("taskId"));
		// a corp's token sees that corp's tasks only
		if (task == null || !task.corpId().equals(grant.corpId())) {
			return error(response, 404, "taskNotExist", "任务不存在");
		}
		return send(response, 200, Map.of("task", task.stateAt(this.clock.instant())));
	}

	private Mono<Void> error(HttpServerResponse response, int status, String code, String message) {
		return send(response, status,
				Map.of("requestid", UUID.randomUUID().toString().toUpperCase(), "code", code, "message", message));
	}

	private Mono<Void> send(HttpServerResponse response, int status, Object body) {
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.status(HttpResponseStatus.valueOf(status))
			.header("Content-Type", "application/json;charset=utf-8")
			.header("x-acs-request-id", UUID.randomUUID().toString())
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

	@Override
	public void close() {
		this.server.disposeNow();
	}

	/** A token: the corp it was issued to, and until when. */
	private record Grant(String corpId, Instant expiry) {
	}

	private record DemoTask(String id, String corpId, long total, Instant begin, Duration duration, boolean fails) {

		Map<String, Object> stateAt(Instant now) {
			Map<String, Object> state = new java.util.LinkedHashMap<>();
			state.put("id", this.id);
			state.put("totalCount", this.total);
			state.put("beginTime", this.begin.truncatedTo(ChronoUnit.SECONDS).toString());
			Duration elapsed = Duration.between(this.begin, now);
			if (elapsed.compareTo(this.duration.dividedBy(10)) < 0) {
				state.put("status", "INIT");
				state.put("successCount", 0);
				state.put("failCount", 0);
				return state;
			}
			long done = Math.min(this.total, this.total * elapsed.toMillis() / this.duration.toMillis());
			long failed = this.fails ? done / 3 : 0;
			state.put("successCount", done - failed);
			state.put("failCount", failed);
			if (done < this.total) {
				state.put("status", "IN_PROGRESS");
				return state;
			}
			state.put("status", this.fails ? "FAIL" : "SUCCESS");
			state.put("endTime", this.begin.plus(this.duration).truncatedTo(ChronoUnit.SECONDS).toString());
			if (this.fails) {
				state.put("failMessage", failed + " files are locked by another operation");
			}
			return state;
		}

	}

}
