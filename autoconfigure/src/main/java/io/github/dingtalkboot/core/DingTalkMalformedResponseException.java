package io.github.dingtalkboot.core;

/**
 * DingTalk answered with success, but the body was not what its API documents (not JSON,
 * the wrong shape, or a value that cannot be read, such as a time that is not ISO 8601).
 *
 * @since 0.1.0
 */
public class DingTalkMalformedResponseException extends DingTalkException {

	/**
	 * Create an exception with a message.
	 * @param message what could not be read, safe to log
	 */
	public DingTalkMalformedResponseException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message what could not be read, safe to log
	 * @param cause the parser's failure
	 */
	public DingTalkMalformedResponseException(String message, Throwable cause) {
		super(message, cause);
	}

	private DingTalkMalformedResponseException(DingTalkMalformedResponseException source, int attempts) {
		super(source.message(), source.getCause(), attempts);
	}

	@Override
	public DingTalkMalformedResponseException withAttempts(int attempts) {
		return new DingTalkMalformedResponseException(this, attempts);
	}

}
