package io.github.dingtalkboot.core;

/**
 * DingTalk rejected the credentials: an invalid or expired access token (HTTP 400
 * {@code InvalidAuthentication}), a missing one ({@code AuthenticationFailed.*}), HTTP
 * 401, or app or suite credentials refused by a token endpoint
 * ({@code invalidClientIdOrSecret}, {@code invalidSuiteKey}, {@code invalidSuiteTicket},
 * {@code invalidAuthInfo}).
 *
 * @since 0.1.0
 */
public class DingTalkAuthenticationException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkAuthenticationException(DingTalkError error) {
		super(error);
	}

	private DingTalkAuthenticationException(DingTalkAuthenticationException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkAuthenticationException withAttempts(int attempts) {
		return new DingTalkAuthenticationException(this, attempts);
	}

}
