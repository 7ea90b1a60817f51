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

package io.github.dingtalkboot.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * Reads DingTalk's error answers and maps them to exceptions. Not API.
 * <p>
 * DingTalk's v1.0 APIs answer errors as
 * {@code {"code":"…","requestid":"…","message":"…"}} (note the lower-case
 * {@code requestid}); a ban page is HTML, and some answers have no body at all. Every
 * form gives a usable error.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class DingTalkErrors {

	/** The header DingTalk's gateway puts its request id in. */
	public static final String REQUEST_ID_HEADER = "x-acs-request-id";

	private static final int SNIPPET_LENGTH = 200;

	/**
	 * Codes a token endpoint answers when the app or suite credentials are refused.
	 */
	private static final Set<String> CREDENTIALS_REJECTED = Set.of("invalidClientIdOrSecret", "invalidSuiteKey",
			"invalidSuiteTicket", "invalidAuthInfo");

	/**
	 * Read an error answer.
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @param json the mapper to parse the body with
	 * @return the error
	 */
	public static DingTalkError read(int statusCode, HttpHeaders headers, byte[] body, JsonMapper json) {
		String code = null;
		String message = null;
		String requestId = null;
		JsonNode node = parseObject(body, json);
		if (node != null) {
			code = text(node, "code");
			message = text(node, "message");
			requestId = text(node, "requestid");
			if (requestId == null) {
				requestId = text(node, "requestId");
			}
		}
		else if (body.length > 0) {
			message = snippet(body);
		}
		if (requestId == null) {
			requestId = headers.getFirst(REQUEST_ID_HEADER);
		}
		return new DingTalkError(statusCode, code, message, requestId, headers.getFirst(HttpHeaders.RETRY_AFTER));
	}

	private static @Nullable JsonNode parseObject(byte[] body, JsonMapper json) {
		if (body.length == 0 || !looksLikeJsonObject(body)) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static boolean looksLikeJsonObject(byte[] body) {
		for (byte b : body) {
			if (!Character.isWhitespace(b)) {
				return b == '{';
			}
		}
		return false;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		String text = value.asString();
		return text.isBlank() ? null : text;
	}

	private static String snippet(byte[] body) {
		String text = new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 4), StandardCharsets.UTF_8)
			.replaceAll("\\s+", " ")
			.strip();
		return (text.length() > SNIPPET_LENGTH) ? text.substring(0, SNIPPET_LENGTH) + "…" : text;
	}

	/**
	 * The exception that stands for an error answer: the most specific
	 * {@link DingTalkApiException}.
	 * @param error the answer
	 * @return the exception
	 */
	public static DingTalkApiException toException(DingTalkError error) {
		if (isAuthentication(error.statusCode(), error.code())) {
			return new DingTalkAuthenticationException(error);
		}
		if (isThrottling(error.statusCode(), error.code())) {
			return new DingTalkThrottledException(error);
		}
		if (error.statusCode() >= 500) {
			return new DingTalkServerException(error);
		}
		return new DingTalkApiException(error);
	}

	private static boolean isAuthentication(int status, @Nullable String code) {
		return status == 401 || DingTalkErrorCodes.INVALID_AUTHENTICATION.equals(code)
				|| (code != null && code.startsWith(DingTalkErrorCodes.AUTHENTICATION_FAILED_PREFIX))
				|| (code != null && CREDENTIALS_REJECTED.contains(code));
	}

	private static boolean isThrottling(int status, @Nullable String code) {
		return status == 429 || DingTalkErrorCodes.QPS_LIMIT_APP.equals(code)
				|| DingTalkErrorCodes.QPS_LIMIT_API.equals(code) || DingTalkErrorCodes.QUOTA_LIMIT.equals(code);
	}

	private DingTalkErrors() {
	}

}
