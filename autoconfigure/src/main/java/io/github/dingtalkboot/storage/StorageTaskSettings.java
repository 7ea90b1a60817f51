package io.github.dingtalkboot.storage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How {@link StorageTaskClient} queries and polls storage tasks.
 *
 * @param defaultUnionId the operator for the calls without a {@code unionId}, or
 * {@code null}
 * @param initialPollInterval the delay before the second poll, and after every change
 * @param maxPollInterval the longest delay between two polls
 * @param pollMultiplier the growth of the delay per poll that saw no change
 * @param awaitTimeout how long {@link StorageTaskOperations#awaitTask(String)} waits
 * @since 0.1.0
 */
public record StorageTaskSettings(@Nullable String defaultUnionId, Duration initialPollInterval,
		Duration maxPollInterval, double pollMultiplier, Duration awaitTimeout) {

	/**
	 * Check the settings.
	 */
	public StorageTaskSettings {
		if (initialPollInterval.isNegative() || initialPollInterval.isZero()) {
			throw new IllegalArgumentException("dingtalk.storage.poll.initial-interval must be positive");
		}
		if (maxPollInterval.compareTo(initialPollInterval) < 0) {
			throw new IllegalArgumentException(
					"dingtalk.storage.poll.max-interval must not be shorter than initial-interval");
		}
		if (pollMultiplier < 1) {
			throw new IllegalArgumentException("dingtalk.storage.poll.multiplier must be at least 1");
		}
		if (awaitTimeout.isNegative() || awaitTimeout.isZero()) {
			throw new IllegalArgumentException("dingtalk.storage.await-timeout must be positive");
		}
		defaultUnionId = (defaultUnionId != null && !defaultUnionId.isBlank()) ? defaultUnionId : null;
	}

	/**
	 * The defaults: no default operator, polls after 500ms growing by 1.5 up to 5s, 10
	 * minutes for {@code awaitTask}.
	 * @return the default settings
	 */
	public static StorageTaskSettings defaults() {
		return new StorageTaskSettings(null, Duration.ofMillis(500), Duration.ofSeconds(5), 1.5,
				Duration.ofMinutes(10));
	}

	/**
	 * These settings with another default operator.
	 * @param unionId the operator, or {@code null}
	 * @return the new settings
	 */
	public StorageTaskSettings withUnionId(@Nullable String unionId) {
		return new StorageTaskSettings(unionId, this.initialPollInterval, this.maxPollInterval, this.pollMultiplier,
				this.awaitTimeout);
	}

	Duration nextPollInterval(Duration current, boolean changed) {
		if (changed) {
			return this.initialPollInterval;
		}
		long grown = (long) Math.min(current.toNanos() * this.pollMultiplier, this.maxPollInterval.toNanos());
		return Duration.ofNanos(grown);
	}

}
