package io.github.dingtalkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * The DingTalk client was closed (the application context is shutting down): a watch or
 * wait that was running when it closed ends with this exception, and so does every call
 * made after it closed. Nothing was sent for the call after the client closed.
 *
 * @since 0.1.0
 */
public class DingTalkClientClosedException extends DingTalkException {

	/**
	 * Create an exception.
	 * @param message what was stopped, safe to log
	 */
	public DingTalkClientClosedException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message, a cause and the number of HTTP attempts.
	 * @param message what went wrong, safe to log
	 * @param cause the cause, or {@code null}
	 * @param attempts the number of HTTP attempts made, {@code 0} when nothing was sent
	 */
	public DingTalkClientClosedException(String message, @Nullable Throwable cause, int attempts) {
		super(message, cause, attempts);
	}

	@Override
	public DingTalkClientClosedException withAttempts(int attempts) {
		return new DingTalkClientClosedException(message(), getCause(), attempts);
	}

}
