/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.storage.internal;

import java.time.Duration;

/**
 * How the {@link TaskTracker} follows tasks and delivers their events.
 *
 * @param maxAge how long a task is followed before tracking fails
 * @param lease how long an instance holds a task without renewing its lease
 * @param deliveryMaxAttempts how often an event is offered to the listeners before the
 * task is set aside as undelivered
 * @param deliveryBackoff the delay before the second offer, doubling after each failed
 * one
 * @param deliveryMaxBackoff the longest delay between two offers
 * @param deliveryTimeout how long one offer may take before it counts as failed
 * @param deliveryRetention how long a task whose offers all failed is kept for a
 * redelivery
 * @author dingtalk-spring-boot maintainers
 */
public record TrackerSettings(Duration maxAge, Duration lease, int deliveryMaxAttempts, Duration deliveryBackoff,
		Duration deliveryMaxBackoff, Duration deliveryTimeout, Duration deliveryRetention) {

	/**
	 * Check the settings.
	 */
	public TrackerSettings {
		requirePositive(maxAge, "maxAge");
		requirePositive(lease, "lease");
		requirePositive(deliveryBackoff, "deliveryBackoff");
		requirePositive(deliveryTimeout, "deliveryTimeout");
		requirePositive(deliveryRetention, "deliveryRetention");
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
