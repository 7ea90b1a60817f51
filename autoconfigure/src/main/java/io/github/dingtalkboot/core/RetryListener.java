package io.github.dingtalkboot.core;

import java.time.Duration;

/**
 * Told about every retry the client decides on, e.g. to count retries in a metric.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (operation, reason, attempt, delay) -> {
	};

	/**
	 * A failed attempt is about to be retried.
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param reason why: the HTTP status (e.g. {@code 503}), {@code THROTTLED} or
	 * {@code TRANSPORT_ERROR}
	 * @param failedAttempt the number of the attempt that failed, the first being
	 * {@code 1}
	 * @param delay how long the client waits before the next attempt
	 */
	void onRetry(String operation, String reason, int failedAttempt, Duration delay);

}
