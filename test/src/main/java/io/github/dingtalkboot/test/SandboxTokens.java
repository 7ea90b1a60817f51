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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * The access tokens the sandbox issued, as DingTalk keeps them: the internal app's is the
 * same while it is valid (and extended at each request), a corp's is new at each request;
 * each works until its lifetime on the sandbox's clock runs out or it is revoked.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxTokens {

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration lifetime;

	SandboxTokens(Clock clock, Duration lifetime) {
		this.clock = clock;
		this.lifetime = lifetime;
	}

	String appToken() {
		Instant now = this.clock.instant();
		String token = this.grants.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().corpId() == null && now.isBefore(entry.getValue().expiry()))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseGet(() -> "sandbox-" + UUID.randomUUID());
		this.grants.put(token, new Grant(null, now.plus(this.lifetime)));
		return token;
	}

	String corpToken(String corpId) {
		String token = "sandbox-" + UUID.randomUUID();
		this.grants.put(token, new Grant(corpId, this.clock.instant().plus(this.lifetime)));
		return token;
	}

	/**
	 * The grant of a token that works now.
	 * @param token the token
	 * @return its grant, or {@code null} when it was never issued, ran out or was revoked
	 */
	@Nullable Grant valid(String token) {
		Grant grant = this.grants.get(token);
		return (grant != null && this.clock.instant().isBefore(grant.expiry())) ? grant : null;
	}

	void revokeAll() {
		this.grants.clear();
	}

	void revoke(String corpId) {
		this.grants.values().removeIf((grant) -> corpId.equals(grant.corpId()));
	}

	/**
	 * A token: the corp it was issued to ({@code null} for the internal app), and until
	 * when.
	 *
	 * @param corpId the corp, or {@code null}
	 * @param expiry when it stops working
	 */
	record Grant(@Nullable String corpId, Instant expiry) {

	}

}
