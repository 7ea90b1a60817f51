package io.github.dingtalkboot.core;

/**
 * DingTalk refused the call because a limit was reached. DingTalk answers throttling with
 * HTTP 403 and a {@code Forbidden.AccessDenied.QpsLimit*} code (a per-second limit:
 * waiting helps) or {@code Forbidden.AccessDenied.ApiCountLimitForOrg} (the
 * organisation's monthly quota: waiting does not help); HTTP 429 is treated as a
 * per-second limit too.
 *
 * @since 0.1.0
 */
public class DingTalkThrottledException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkThrottledException(DingTalkError error) {
		super(error);
	}

	/**
	 * Whether the organisation's monthly call quota is used up, so retrying cannot help.
	 * @return {@code true} for {@code Forbidden.AccessDenied.ApiCountLimitForOrg}
	 */
	public boolean isQuotaExhausted() {
		return DingTalkErrorCodes.QUOTA_LIMIT.equals(getErrorCode());
	}

	/**
	 * Whether a per-second limit was hit, which passes with time: any throttling but the
	 * monthly quota.
	 * @return {@code true} for HTTP 429 and the {@code QpsLimit*} codes
	 */
	public boolean isRateLimited() {
		return !isQuotaExhausted();
	}

	private DingTalkThrottledException(DingTalkThrottledException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkThrottledException withAttempts(int attempts) {
		return new DingTalkThrottledException(this, attempts);
	}

}
