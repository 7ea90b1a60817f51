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

package io.github.dingtalkboot.auth.internal;

import java.time.Duration;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * Reads the answer of DingTalk's token endpoints:
 * {@code {"accessToken":"…","expireIn":7200}}.
 *
 * @author dingtalk-spring-boot maintainers
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
