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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkApiException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * UP when an access token can be had, DOWN with DingTalk's status and error code when
 * not. Asks the {@link AccessTokenSupplier}, whose cache answers while the token is
 * valid, so frequent probes make no extra token calls. Never shows the token.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public final class DingTalkHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AccessTokenSupplier accessTokenSupplier;

	private final @Nullable BooleanSupplier clusterDown;

	private final @Nullable Supplier<@Nullable String> clusterRefusal;

	/**
	 * Create an indicator.
	 * @param accessTokenSupplier the supplier to ask for a token
	 */
	public DingTalkHealthIndicator(AccessTokenSupplier accessTokenSupplier) {
		this(accessTokenSupplier, null);
	}

	/**
	 * Create an indicator that also shows whether the instances' shared state is
	 * reachable (detail {@code cluster}: {@code UP} or {@code DOWN}). A cluster that is
	 * down does not make the indicator DOWN: calls go on with local state.
	 * @param accessTokenSupplier the supplier to ask for a token
	 * @param clusterDown whether the shared state cannot be reached now, or {@code null}
	 * without a cluster
	 */
	public DingTalkHealthIndicator(AccessTokenSupplier accessTokenSupplier, @Nullable BooleanSupplier clusterDown) {
		this(accessTokenSupplier, clusterDown, null);
	}

	/**
	 * Create an indicator that also shows whether the instances' shared state is
	 * reachable, and is DOWN while Redis refuses commands for a reason an outage does not
	 * explain (detail {@code cluster}: {@code REFUSED}, and {@code clusterError}: Redis's
	 * answer, e.g. a missing ACL permission).
	 * @param accessTokenSupplier the supplier to ask for a token
	 * @param clusterDown whether the shared state cannot be reached now, or {@code null}
	 * without a cluster
	 * @param clusterRefusal what Redis refused, {@code null} when nothing; or
	 * {@code null} without a cluster
	 */
	public DingTalkHealthIndicator(AccessTokenSupplier accessTokenSupplier, @Nullable BooleanSupplier clusterDown,
			@Nullable Supplier<@Nullable String> clusterRefusal) {
		this.accessTokenSupplier = accessTokenSupplier;
		this.clusterDown = clusterDown;
		this.clusterRefusal = clusterRefusal;
	}

	@Override
	public Mono<Health> health() {
		return this.accessTokenSupplier.getAccessToken()
			.map((token) -> withCluster((refusal() != null) ? Health.down() : Health.up()).build())
			.timeout(TIMEOUT)
			.onErrorResume((error) -> Mono.just(down(error)));
	}

	private Health.Builder withCluster(Health.Builder health) {
		String refusal = refusal();
		if (refusal != null) {
			return health.withDetail("cluster", "REFUSED").withDetail("clusterError", refusal);
		}
		BooleanSupplier down = this.clusterDown;
		return (down != null) ? health.withDetail("cluster", down.getAsBoolean() ? "DOWN" : "UP") : health;
	}

	private @Nullable String refusal() {
		Supplier<@Nullable String> refusal = this.clusterRefusal;
		return (refusal != null) ? refusal.get() : null;
	}

	private Health down(Throwable error) {
		Health.Builder health = withCluster(Health.down()).withDetail("error", error.getClass().getSimpleName());
		if (error instanceof DingTalkApiException api) {
			health.withDetail("status", api.getStatusCode());
			if (api.getErrorCode() != null) {
				health.withDetail("errorCode", api.getErrorCode());
			}
			if (api.getRequestId() != null) {
				health.withDetail("requestId", api.getRequestId());
			}
		}
		else if (error.getMessage() != null) {
			health.withDetail("message", error.getMessage());
		}
		return health.build();
	}

}
