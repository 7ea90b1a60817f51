package io.github.dingtalkboot.sample.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fake DingTalk served over real HTTP on its own port, so the sample runs with no
 * account and no network. It plays a third-party app's suite installed by two corps: it
 * answers the corp token endpoint (suite key, secret and ticket checked, one token per
 * corp) and {@code GET /v1.0/storage/tasks/{taskId}} as the real API does (token header
 * checked, lower-case {@code requestid} errors, {@code taskNotExist}, a task visible to
 * its own corp's token only), lets tasks progress with time, and fails a share of calls
 * with 503 {@code operationTimeout} so retries can be seen. The starter reaches it like
 * the real thing: it has no sandbox code path.
 */
public final class SandboxDingTalk implements AutoCloseable {

	static final String SUITE_KEY = "sandbox-suite-key";

	static final String SUITE_SECRET = "sandbox-suite-secret";

	/** The suite ticket the sandbox pushes (see {@link SandboxConfiguration}). */
	static final String SUITE_TICKET = "sandbox-suite-ticket";

	/**
	 * The corps that installed the sandbox's suite; the first is the sample's default.
	 */
	public static final List<String> CORPS = List.of("sandbox-corp-a", "sandbox-corp-b");

	private final JsonMapper json = JsonMapper.builder().build();

	private final Map<String, DemoTask> tasks = new ConcurrentHashMap<>();

	private final Map<String, Grant> tokens = new ConcurrentHashMap<>();

	private final double failureRate;

	private final Duration taskDuration;

	private final Clock clock;

	private final DisposableServer server;

	SandboxDingTalk(double failureRate, Duration taskDuration, Clock clock) {
		this.failureRate = failureRate;
		this.taskDuration = taskDuration;
		this.clock = clock;
		this.server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1.0/oauth2/corpAccessToken", this::corpAccessToken)
				.get("/v1.0/storage/tasks/{taskId}", this::task))
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
			if (corpId == null || !CORPS.contains(corpId)) {
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
