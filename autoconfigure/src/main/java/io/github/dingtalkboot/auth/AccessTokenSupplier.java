package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the access token sent in the {@code x-acs-dingtalk-access-token} header of
 * every DingTalk call. Declare a bean of this type to replace the one the starter builds
 * from {@code dingtalk.*}.
 *
 * @since 0.1.0
 */
public interface AccessTokenSupplier {

	/**
	 * The access token to use now.
	 * @return a Mono of the token; fails with a {@code DingTalkException} when none can
	 * be had
	 */
	Mono<String> getAccessToken();

	/**
	 * Forget this token if it is still the current one, because DingTalk rejected it; the
	 * next call to {@link #getAccessToken()} fetches a new one. Does nothing when the
	 * token was already replaced.
	 * @param token the rejected token
	 */
	void invalidate(String token);

}
