package io.github.dingtalkboot.core;

/**
 * DingTalk failed on its side: an HTTP 5xx answer such as 500 {@code systemError} or 503
 * {@code operationTimeout}.
 *
 * @since 0.1.0
 */
public class DingTalkServerException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkServerException(DingTalkError error) {
		super(error);
	}

	private DingTalkServerException(DingTalkServerException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkServerException withAttempts(int attempts) {
		return new DingTalkServerException(this, attempts);
	}

}
