package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Fetches a new access token from one of DingTalk's token endpoints. The starter's token
 * cache decides when to call it.
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

	/**
	 * DingTalk rejected a token this fetcher handed out. A fetcher that shares tokens
	 * (between the instances of an application, say) forgets it there; the default does
	 * nothing.
	 * @param token the rejected token
	 * @return a Mono that completes once the token is forgotten
	 */
	default Mono<Void> invalidate(String token) {
		return Mono.empty();
	}

}
