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

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufMono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sandbox's pushes to the applications' callbacks, encrypted and signed as DingTalk
 * does, each waiting for the application's encrypted {@code success}.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxPushes {

	private final Set<String> callbacks = ConcurrentHashMap.newKeySet();

	private final AtomicLong pushIds = new AtomicLong();

	private final DingTalkCallbackCrypto crypto;

	private final String suiteTicket;

	private final Clock clock;

	private final JsonMapper json;

	SandboxPushes(DingTalkCallbackCrypto crypto, String suiteTicket, Clock clock, JsonMapper json) {
		this.crypto = crypto;
		this.suiteTicket = suiteTicket;
		this.clock = clock;
		this.json = json;
	}

	DingTalkCallbackCrypto crypto() {
		return this.crypto;
	}

	long nextId() {
		return this.pushIds.incrementAndGet();
	}

	/**
	 * Push to a callback from now on, and push it the suite ticket at once.
	 * @param callbackUrl the callback's URL
	 */
	void pushTo(String callbackUrl) {
		this.callbacks.add(callbackUrl);
		String bizData = this.json.writeValueAsString(Map.of("syncAction", "suite_ticket", "suiteTicket",
				this.suiteTicket, "syncSeq", String.valueOf(nextId())));
		Map<String, Object> entry = Map.of("biz_type", 2, "id", nextId(), "biz_id", "sandbox", "corp_id", "sandbox-isv",
				"subscribe_id", "sandbox_0", "status", 0, "biz_data", bizData);
		push(callbackUrl, Map.of("EventType", "SYNC_HTTP_PUSH_HIGH", "bizData", List.of(entry)));
	}

	void pushToAll(Map<String, Object> message) {
		this.callbacks.forEach((callbackUrl) -> push(callbackUrl, message));
	}

	/**
	 * Take a callback another process asks the sandbox to push to
	 * ({@code POST /sandbox/callbacks}).
	 * @param request the request, its body the callback's URL
	 * @param response the response: 204 once the suite ticket was pushed
	 * @return the answer
	 */
	Mono<Void> subscribe(HttpServerRequest request, HttpServerResponse response) {
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
		if (answer == null || !"success".equals(
				this.crypto.decrypt(SandboxHttp.text(answer, "msg_signature"), SandboxHttp.text(answer, "timeStamp"),
						SandboxHttp.text(answer, "nonce"), SandboxHttp.text(answer, "encrypt")))) {
			throw new IllegalStateException(
					"The application did not answer the push with the encrypted success: " + reply);
		}
	}

}
