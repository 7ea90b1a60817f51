package io.github.dingtalkboot.storage.internal;

import java.time.Duration;

/**
 * How the {@link TaskTracker} follows tasks and delivers their events.
 *
 * @param maxAge how long a task is followed before tracking fails
 * @param lease how long an instance holds a task without renewing its lease
 * @param deliveryMaxAttempts how often an event is offered to the listeners before it is
 * dropped
 * @param deliveryBackoff the delay before the second offer, doubling after each failed
 * one
 * @param deliveryMaxBackoff the longest delay between two offers
 */
public record TrackerSettings(Duration maxAge, Duration lease, int deliveryMaxAttempts, Duration deliveryBackoff,
		Duration deliveryMaxBackoff) {

	/**
	 * Check the settings.
	 */
	public TrackerSettings {
		requirePositive(maxAge, "maxAge");
		requirePositive(lease, "lease");
		requirePositive(deliveryBackoff, "deliveryBackoff");
		if (deliveryMaxBackoff.compareTo(deliveryBackoff) < 0) {
			throw new IllegalArgumentException("deliveryMaxBackoff must not be shorter than deliveryBackoff");
		}
		if (deliveryMaxAttempts < 1) {
			throw new IllegalArgumentException("deliveryMaxAttempts must be at least 1");
		}
	}

	private static void requirePositive(Duration duration, String name) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be positive");
		}
	}

}
