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

package io.github.dingtalkboot.cluster.internal;

import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.data.redis.RedisSystemException;

/**
 * Tells Redis's error answers that an outage does not explain (NOPERM, WRONGTYPE, an
 * unknown command, a failing script) from those of a server that is starting, failing
 * over or busy, which pass with time. Lettuce's error answer reaches Spring Data Redis
 * callers as a {@link RedisSystemException} whose cause's message starts with Redis's
 * error code.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class RedisRefusals {

	/** Error codes of a Redis that will answer again by itself. */
	private static final Set<String> TRANSIENT = Set.of("LOADING", "BUSY", "MASTERDOWN", "CLUSTERDOWN", "TRYAGAIN",
			"READONLY", "NOREPLICAS", "MOVED", "ASK");

	private RedisRefusals() {
	}

	/**
	 * Redis's error answer, if the failure is one that is not an outage.
	 * @param error the failure of an operation
	 * @return the error answer, or {@code null} for an outage (or anything else)
	 */
	static @Nullable String refusal(Throwable error) {
		if (!(error instanceof RedisSystemException)) {
			return null;
		}
		Throwable cause = error;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = cause.getMessage();
		if (message == null || message.isBlank()) {
			return null;
		}
		String code = message.strip().split("\\s+", 2)[0];
		if (!code.equals(code.toUpperCase(Locale.ROOT)) || TRANSIENT.contains(code)) {
			return null;
		}
		return message.strip().lines().findFirst().orElse(message);
	}

}
