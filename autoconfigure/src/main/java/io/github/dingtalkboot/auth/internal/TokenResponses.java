package io.github.dingtalkboot.auth.internal;

import io.github.dingtalkboot.auth.AccessToken;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;

/**
 * Reads the answer of DingTalk's token endpoints:
 * {@code {"accessToken":"…","expireIn":7200}}.
 */
final class TokenResponses {

	private TokenResponses() {
	}

	static AccessToken read(JsonNode body, String endpoint) {
		JsonNode token = body.get("accessToken");
		if (token == null || !token.isString() || token.asString().isBlank()) {
			throw new DingTalkMalformedResponseException(endpoint + " answered without an accessToken");
		}
		if (!DingTalkHttpClient.isHeaderValue(token.asString())) {
			// never cached: every call would fail with it for the token's whole lifetime
			throw new DingTalkMalformedResponseException(endpoint + " answered an accessToken that cannot be sent "
					+ "as a header (it holds spaces, control or non-ASCII characters)");
		}
		JsonNode expireIn = body.get("expireIn");
		Duration lifetime = null;
		if (expireIn != null && expireIn.isIntegralNumber() && expireIn.canConvertToLong()) {
			lifetime = Duration.ofSeconds(expireIn.longValue());
		}
		else if (expireIn != null && expireIn.isString()) {
			try {
				lifetime = Duration.ofSeconds(Long.parseLong(expireIn.asString().strip()));
			}
			catch (NumberFormatException ex) {
				// an unreadable lifetime is treated like a missing one
			}
		}
		return new AccessToken(token.asString(), lifetime);
	}

}
