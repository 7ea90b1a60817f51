package io.github.dingtalkboot.core;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;

/**
 * DingTalk's error answer, read from an HTTP status, headers and body.
 * <p>
 * DingTalk's v1.0 APIs answer errors as
 * {@code {"code":"…","requestid":"…","message":"…"}} (note the lower-case
 * {@code requestid}); a ban page is HTML, and some answers have no body at all. Every
 * form gives a usable error.
 *
 * @param statusCode the HTTP status
 * @param code DingTalk's error code, or {@code null}
 * @param message DingTalk's message or a short snippet of a non-JSON body, or
 * {@code null}
 * @param requestId DingTalk's request id, or {@code null}
 * @param retryAfter the raw {@code Retry-After} header, or {@code null}
 * @since 0.1.0
 */
public record DingTalkError(int statusCode, @Nullable String code, @Nullable String message, @Nullable String requestId,
		@Nullable String retryAfter) {

	static final String REQUEST_ID_HEADER = "x-acs-request-id";

	private static final int SNIPPET_LENGTH = 200;

	/**
	 * Read an error answer.
	 * @param statusCode the HTTP status
	 * @param headers the response headers
	 * @param body the response body, possibly empty
	 * @param json the mapper to parse the body with
	 * @return the error
	 */
	static DingTalkError read(int statusCode, HttpHeaders headers, byte[] body, JsonMapper json) {
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

	/**
	 * The exception that stands for this answer: the most specific
	 * {@link DingTalkApiException}.
	 * @return the exception
	 */
	public DingTalkApiException toException() {
		if (DingTalkErrorCodes.isAuthentication(this.statusCode, this.code)) {
			return new DingTalkAuthenticationException(this);
		}
		if (DingTalkErrorCodes.isThrottling(this.statusCode, this.code)) {
			return new DingTalkThrottledException(this);
		}
		if (this.statusCode >= 500) {
			return new DingTalkServerException(this);
		}
		return new DingTalkApiException(this);
	}

	String describe() {
		StringBuilder sb = new StringBuilder("DingTalk answered HTTP ").append(this.statusCode);
		sb.append(" ").append((this.code != null) ? this.code : "(no error code)");
		if (this.message != null) {
			sb.append(": ").append(this.message);
		}
		if (this.requestId != null) {
			sb.append(" [requestid=").append(this.requestId).append(']');
		}
		return sb.toString();
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

}
