package io.github.dingtalkboot.auth.internal;

import io.github.dingtalkboot.auth.AccessTokenSupplier;

import reactor.core.publisher.Mono;

/**
 * Always supplies the same token ({@code dingtalk.access-token}): for tests, or for
 * tokens managed outside the application. Makes no token calls;
 * {@link #invalidate(String)} has nothing to forget.
 *
 */
public final class FixedAccessTokenSupplier implements AccessTokenSupplier {

	private final Mono<String> token;

	/**
	 * Create a supplier of one token.
	 * @param token the token
	 */
	public FixedAccessTokenSupplier(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("token must not be blank");
		}
		this.token = Mono.just(token);
	}

	@Override
	public Mono<String> getAccessToken() {
		return this.token;
	}

	@Override
	public void invalidate(String token) {
	}

	@Override
	public String toString() {
		return "FixedAccessTokenSupplier[token=******]";
	}

}
