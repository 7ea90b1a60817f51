package io.github.dingtalkboot.core;

import java.time.Duration;
import java.util.Set;

/**
 * How failed DingTalk calls are retried.
 *
 * @param enabled whether to retry at all
 * @param maxAttempts total attempts, the first included
 * @param initialBackoff the delay before the first retry
 * @param maxBackoff the cap for one computed delay
 * @param multiplier the growth of the delay from one retry to the next
 * @param jitter the ± fraction of each delay that is random
 * @param statuses the HTTP statuses that are retried
 * @param throttledBackoff the least delay after a per-second throttling answer
 * @param maxRetryAfter the cap for a delay asked for by a {@code Retry-After} header
 * @since 0.1.0
 */
public record RetrySettings(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		double multiplier, double jitter, Set<Integer> statuses, Duration throttledBackoff, Duration maxRetryAfter) {

	/**
	 * Check the settings.
	 */
	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("dingtalk.retry.max-attempts must be at least 1, was " + maxAttempts);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("dingtalk.retry.multiplier must be at least 1, was " + multiplier);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("dingtalk.retry.jitter must be between 0 and 1, was " + jitter);
		}
		statuses = Set.copyOf(statuses);
	}

	/**
	 * The defaults: 3 attempts, 200ms doubling to at most 5s, ±50% jitter, statuses 500
	 * and 503, at least 1s after a throttling answer, a {@code Retry-After} honoured up
	 * to 30s.
	 * @return the default settings
	 */
	public static RetrySettings defaults() {
		return new RetrySettings(true, 3, Duration.ofMillis(200), Duration.ofSeconds(5), 2, 0.5, Set.of(500, 503),
				Duration.ofSeconds(1), Duration.ofSeconds(30));
	}

	/**
	 * No retries at all.
	 * @return settings that make one attempt per call
	 */
	public static RetrySettings disabled() {
		RetrySettings d = defaults();
		return new RetrySettings(false, 1, d.initialBackoff, d.maxBackoff, d.multiplier, d.jitter, d.statuses,
				d.throttledBackoff, d.maxRetryAfter);
	}

}
