package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkApiException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

/**
 * UP when an access token can be had, DOWN with DingTalk's status and error code when
 * not. Asks the {@link AccessTokenSupplier}, whose cache answers while the token is
 * valid, so frequent probes make no extra token calls. Never shows the token.
 *
 * @since 0.1.0
 */
public final class DingTalkHealthIndicator implements ReactiveHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final AccessTokenSupplier accessTokenSupplier;

	/**
	 * Create an indicator.
	 * @param accessTokenSupplier the supplier to ask for a token
	 */
	public DingTalkHealthIndicator(AccessTokenSupplier accessTokenSupplier) {
		this.accessTokenSupplier = accessTokenSupplier;
	}

	@Override
	public Mono<Health> health() {
		return this.accessTokenSupplier.getAccessToken()
			.map((token) -> Health.up().build())
			.timeout(TIMEOUT)
			.onErrorResume((error) -> Mono.just(down(error)));
	}

	private static Health down(Throwable error) {
		Health.Builder health = Health.down().withDetail("error", error.getClass().getSimpleName());
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
