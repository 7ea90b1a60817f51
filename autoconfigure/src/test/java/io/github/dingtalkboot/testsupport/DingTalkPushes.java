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

package io.github.dingtalkboot.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.callback.internal.CallbackRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes as DingTalk sends them to an application's callback: a message encrypted and
 * signed with the application's token, key and owner key, a timestamp in milliseconds and
 * a fresh nonce; sent over HTTP or handed to the receiver directly.
 */
public final class DingTalkPushes {

	/** A valid 43-character EncodingAESKey (DingTalk's published test key). */
	public static final String AES_KEY = "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij";

	public static final String TOKEN = "push-token";

	private final DingTalkCallbackCrypto crypto;

	private final Clock clock;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	public DingTalkPushes(String ownerKey, Clock clock) {
		this(new DingTalkCallbackCrypto(TOKEN, AES_KEY, ownerKey), clock);
	}

	public DingTalkPushes(DingTalkCallbackCrypto crypto, Clock clock) {
		this.crypto = crypto;
		this.clock = clock;
	}

	/**
	 * A push of a message, signed now with a fresh nonce.
	 * @param message the decrypted message
	 * @return the push
	 */
	public Push of(String message) {
		return of(message, this.clock.millis(), UUID.randomUUID().toString().substring(0, 12));
	}

	public Push of(String message, long timestamp, String nonce) {
		DingTalkCallbackCrypto.Encrypted encrypted = this.crypto.encrypt(message, String.valueOf(timestamp), nonce);
		return new Push(encrypted.msgSignature(), encrypted.timeStamp(), encrypted.nonce(),
				"{\"encrypt\":\"" + encrypted.encrypt() + "\"}");
	}

	public static String suiteTicket(String suiteKey, String ticket) {
		return "{\"EventType\":\"suite_ticket\",\"SuiteKey\":\"" + suiteKey + "\",\"SuiteTicket\":\"" + ticket
				+ "\",\"TimeStamp\":\"1700000000000\"}";
	}

	public static String authorization(String eventType, String suiteKey, String corpId) {
		return "{\"EventType\":\"" + eventType + "\",\"SuiteKey\":\"" + suiteKey + "\",\"AuthCorpId\":\"" + corpId
				+ "\",\"TimeStamp\":\"1700000000000\"}";
	}

	/**
	 * A {@code SYNC_HTTP_PUSH_HIGH} push of one entry, its {@code biz_data} a JSON text
	 * as DingTalk sends it.
	 * @param id the entry's id
	 * @param bizType its {@code biz_type}
	 * @param corpId its {@code corp_id}
	 * @param bizData its {@code biz_data}, JSON
	 * @return the message
	 */
	public static String syncHttpPushHigh(long id, int bizType, String corpId, String bizData) {
		return "{\"EventType\":\"SYNC_HTTP_PUSH_HIGH\",\"bizData\":[{\"gmt_create\":1700000000000,\"biz_type\":"
				+ bizType + ",\"open_cursor\":0,\"subscribe_id\":\"123_0\",\"id\":" + id
				+ ",\"gmt_modified\":1700000000000,\"biz_id\":\"123\",\"biz_data\":\""
				+ bizData.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"corp_id\":\"" + corpId
				+ "\",\"status\":0}]}";
	}

	/**
	 * Send a push to a callback endpoint.
	 * @param url the endpoint's URL
	 * @param push the push
	 * @return the response
	 */
	public HttpResponse<String> send(String url, Push push) {
		return send(url, push, HttpRequest.BodyPublishers.ofString(push.body()));
	}

	/**
	 * Send a push with its body chunked, without a {@code Content-Length}.
	 * @param url the endpoint's URL
	 * @param push the push
	 * @return the response
	 */
	public HttpResponse<String> sendChunked(String url, Push push) {
		byte[] body = push.body().getBytes(StandardCharsets.UTF_8);
		return send(url, push, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
	}

	private HttpResponse<String> send(String url, Push push, HttpRequest.BodyPublisher body) {
		try {
			return this.http.send(HttpRequest.newBuilder(URI.create(url + "?" + push.query()))
				.timeout(Duration.ofSeconds(30))
				.header("Content-Type", "application/json")
				.POST(body)
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a reply is the encrypted {@code success} DingTalk expects, signed with the
	 * token.
	 * @param body the reply's body
	 * @return whether it is
	 */
	public boolean isSuccess(String body) {
		JsonNode reply = JsonMapper.builder().build().readTree(body);
		if (!reply.has("msg_signature") || !reply.has("timeStamp") || !reply.has("nonce") || !reply.has("encrypt")) {
			return false;
		}
		return "success".equals(this.crypto.decrypt(reply.get("msg_signature").asString(),
				reply.get("timeStamp").asString(), reply.get("nonce").asString(), reply.get("encrypt").asString()));
	}

	/**
	 * A push: its query and its body.
	 *
	 * @param signature the signature
	 * @param timestamp the timestamp
	 * @param nonce the nonce
	 * @param body the body
	 */
	public record Push(String signature, String timestamp, String nonce, String body) {

		public CallbackRequest request() {
			return new CallbackRequest(this.signature, this.timestamp, this.nonce,
					this.body.getBytes(StandardCharsets.UTF_8), false);
		}

		public Push withBody(String body) {
			return new Push(this.signature, this.timestamp, this.nonce, body);
		}

		public Push withSignature(String signature) {
			return new Push(signature, this.timestamp, this.nonce, this.body);
		}

		public String query() {
			return "msg_signature=" + this.signature + "&timestamp=" + this.timestamp + "&nonce=" + this.nonce;
		}

	}

}
