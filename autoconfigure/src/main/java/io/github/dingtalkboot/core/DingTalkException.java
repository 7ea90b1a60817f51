package io.github.dingtalkboot.core;

/**
 * Root of everything the DingTalk client signals. Catch this type to handle every failure of a
 * DingTalk call in one place; catch a subtype to tell them apart.
 * <p>
 * Messages never contain access tokens or secrets.
 */
public class DingTalkException extends RuntimeException {

	private volatile int attempts = 1;

	/**
	 * Create an exception with a message.
	 * @param message what went wrong, safe to log
	 */
	public DingTalkException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message what went wrong, safe to log
	 * @param cause the underlying failure
	 */
	public DingTalkException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * The number of HTTP attempts made for the call that ended with this exception, the first
	 * one included. {@code 1} when the call was not retried.
	 * @return the number of attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	void recordAttempts(int attempts) {
		this.attempts = attempts;
	}

}
