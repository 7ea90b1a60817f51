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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the sandbox reads requests and writes answers the way DingTalk does: JSON bodies,
 * its error form ({@code requestid}, {@code code}, {@code message}) and its request id
 * header.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxHttp {

	private final JsonMapper json;

	SandboxHttp(JsonMapper json) {
		this.json = json;
	}

	Mono<Void> error(HttpServerResponse response, int status, String code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("requestid", UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
		body.put("code", code);
		body.put("message", message);
		return send(response, status, body);
	}

	Mono<Void> send(HttpServerResponse response, int status, Object body) {
		byte[] bytes = this.json.writeValueAsBytes(body);
		return response.status(HttpResponseStatus.valueOf(status))
			.header("Content-Type", "application/json;charset=utf-8")
			.header("x-acs-request-id", UUID.randomUUID().toString())
			.sendByteArray(Mono.just(bytes))
			.then();
	}

	JsonNode readBody(String body) {
		return this.json.readTree(body.isEmpty() ? "{}" : body);
	}

	static String path(String uri) {
		int query = uri.indexOf('?');
		return (query < 0) ? uri : uri.substring(0, query);
	}

	static Map<String, String> query(String uri) {
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

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.asString() : null;
	}

}
