package io.github.dingtalkboot.auth;

import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;

import reactor.core.publisher.Mono;

/**
 * Fetches a new access token from one of DingTalk's token endpoints.
 * {@link CachingAccessTokenSupplier} decides when to call it.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessTokenFetcher {

	/**
	 * Ask DingTalk for a token.
	 * @return a Mono of the token; fails with a {@code DingTalkException} when DingTalk
	 * refuses
	 */
	Mono<AccessToken> fetch();

}
