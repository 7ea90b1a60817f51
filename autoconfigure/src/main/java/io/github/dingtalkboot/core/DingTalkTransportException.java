package io.github.dingtalkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer came from DingTalk: the connection was refused or reset, an attempt
 * timed out, or no connection could be had from the pool.
 *
 * @since 0.1.0
 */
public class DingTalkTransportException extends DingTalkException {

	/**
	 * Create an exception with a message and a cause.
	 * @param message what went wrong, safe to log
	 * @param cause the underlying I/O failure
	 */
	public DingTalkTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	private DingTalkTransportException(DingTalkTransportException source, int attempts) {
		super(source.message(), source.getCause(), attempts);
	}

	@Override
	public DingTalkTransportException withAttempts(int attempts) {
		return new DingTalkTransportException(this, attempts);
	}

}
