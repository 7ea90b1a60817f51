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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.test.DingTalkSandbox.Api;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's HTTP side: DingTalk's token and storage-task endpoints on a port of
 * 127.0.0.1, answering from the tasks, corps and tokens the sandbox holds, with the
 * failures a test asked for, and a journal of every request.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxServer {

	private final Credentials credentials;

	private final Clock clock;

	private final Map<String, SandboxTask.Script> tasks = new ConcurrentHashMap<>();

	private final Set<String> authorized = ConcurrentHashMap.newKeySet();

	private final List<SandboxRequest> journal = new CopyOnWriteArrayList<>();

	private final SandboxHttp http;

	private final SandboxFaults faults;

	private final SandboxTokens tokens;

	private final DisposableServer server;

	SandboxServer(Credentials credentials, Clock clock, JsonMapper json, SandboxTokens tokens, SandboxPushes pushes) {
		this.credentials = credentials;
		this.clock = clock;
		this.http = new SandboxHttp(json);
		this.faults = new SandboxFaults(this.http);
		this.tokens = tokens;
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
				.post("/sandbox/callbacks", pushes::subscribe))
			.bindNow();
	}

	int port() {
		return this.server.port();
	}

	Map<String, SandboxTask.Script> tasks() {
		return this.tasks;
	}

	/**
	 * The corps that authorise the suite now, for the sandbox to change.
	 * @return the corps' ids
	 */
	Set<String> authorized() {
		return this.authorized;
	}

	List<SandboxRequest> journal() {
		return this.journal;
	}

	SandboxFaults faults() {
		return this.faults;
	}

	void close() {
		this.server.disposeNow();
	}

	private Mono<Void> handle(Api api, HttpServerRequest request, HttpServerResponse response, Handler handler) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap((body) -> {
			SandboxRequest received = new SandboxRequest(api, request.method().name(), SandboxHttp.path(request.uri()),
					SandboxHttp.query(request.uri()), request.requestHeaders().get("x-acs-dingtalk-access-token"), body,
					this.clock.instant());
			this.journal.add(received);
			return this.faults.answer(api, response, () -> handler.handle(request, received, response));
		});
	}

	private Mono<Void> accessToken(HttpServerRequest request, SandboxRequest received, HttpServerResponse response) {
		JsonNode credentials = this.http.readBody(received.body());
		if (!this.credentials.appKey().equals(SandboxHttp.text(credentials, "appKey"))
				|| !this.credentials.appSecret().equals(SandboxHttp.text(credentials, "appSecret"))) {
			return this.http.error(response, 400, "invalidClientIdOrSecret", "无效的clientId或者clientSecret");
		}
		return issued(response, this.tokens.appToken());
	}

	private Mono<Void> corpAccessToken(HttpServerRequest request, SandboxRequest received,
			HttpServerResponse response) {
		JsonNode credentials = this.http.readBody(received.body());
		if (!this.credentials.suiteKey().equals(SandboxHttp.text(credentials, "suiteKey"))
				|| !this.credentials.suiteSecret().equals(SandboxHttp.text(credentials, "suiteSecret"))) {
			return this.http.error(response, 400, "invalidSuiteKey", "无效的suiteKey或者suiteSecret");
		}
		if (!this.credentials.suiteTicket().equals(SandboxHttp.text(credentials, "suiteTicket"))) {
			return this.http.error(response, 400, "invalidSuiteTicket", "无效的suiteTicket");
		}
		String corpId = SandboxHttp.text(credentials, "authCorpId");
		if (corpId == null || !this.authorized.contains(corpId)) {
			return this.http.error(response, 400, "invalidAuthInfo", "企业未授权该应用");
		}
		return issued(response, this.tokens.corpToken(corpId));
	}

	private Mono<Void> issued(HttpServerResponse response, String token) {
		return this.http.send(response, 200,
				Map.of("accessToken", token, "expireIn", this.credentials.tokenLifetime().toSeconds()));
	}

	private Mono<Void> task(HttpServerRequest request, SandboxRequest received, HttpServerResponse response) {
		String token = received.accessToken();
		if (token == null) {
			return this.http.error(response, 400, "AuthenticationFailed.MissingParameter",
					"缺少参数 x-acs-dingtalk-access-token");
		}
		SandboxTokens.Grant grant = this.tokens.valid(token);
		if (grant == null) {
			return this.http.error(response, 400, "InvalidAuthentication", "不合法的access_token");
		}
		String unionId = received.query().get("unionId");
		if (unionId == null || unionId.isEmpty()) {
			return this.http.error(response, 400, "paramError", "unionId is required");
		}
		String taskId = request.param("taskId");
		SandboxTask.Script script = (taskId != null) ? this.tasks.get(URLDecoder.decode(taskId, StandardCharsets.UTF_8))
				: null;
		if (script == null || !Objects.equals(script.corpId(), grant.corpId())) {
			return this.http.error(response, 404, "taskNotExist", "任务不存在");
		}
		return this.http.send(response, 200, Map.of("task", script.stateAt(this.clock.instant())));
	}

	@FunctionalInterface
	private interface Handler {

		Mono<Void> handle(HttpServerRequest request, SandboxRequest received, HttpServerResponse response);

	}

	/**
	 * What the sandbox's token endpoints accept.
	 *
	 * @param appKey the internal app's key
	 * @param appSecret its secret
	 * @param suiteKey the suite's key
	 * @param suiteSecret its secret
	 * @param suiteTicket the current suite ticket
	 * @param tokenLifetime how long a token works, as announced
	 */
	record Credentials(String appKey, String appSecret, String suiteKey, String suiteSecret, String suiteTicket,
			Duration tokenLifetime) {

	}

}
