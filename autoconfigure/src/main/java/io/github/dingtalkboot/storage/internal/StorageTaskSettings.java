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
import java.util.Objects;

import io.github.dingtalkboot.storage.StorageTaskOperations;
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
 * @author dingtalk-spring-boot maintainers
 */
public record StorageTaskSettings(@Nullable String defaultUnionId, Duration initialPollInterval,
		Duration maxPollInterval, double pollMultiplier, Duration awaitTimeout) {

	/**
	 * Check the settings.
	 */
	public StorageTaskSettings {
		if (initialPollInterval.isNegative() || initialPollInterval.isZero()) {
			throw new IllegalArgumentException("initialPollInterval must be positive");
		}
		if (maxPollInterval.compareTo(initialPollInterval) < 0) {
			throw new IllegalArgumentException("maxPollInterval must not be shorter than initialPollInterval");
		}
		if (pollMultiplier < 1) {
			throw new IllegalArgumentException("pollMultiplier must be at least 1");
		}
		if (awaitTimeout.isNegative() || awaitTimeout.isZero()) {
			throw new IllegalArgumentException("awaitTimeout must be positive");
		}
		defaultUnionId = (defaultUnionId != null && !defaultUnionId.isBlank()) ? defaultUnionId : null;
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

	/**
	 * A builder that wants every value but the default operator.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Builds {@link StorageTaskSettings} by name.
	 */
	public static final class Builder {

		private @Nullable String defaultUnionId;

		private @Nullable Duration initialPollInterval;

		private @Nullable Duration maxPollInterval;

		private @Nullable Double pollMultiplier;

		private @Nullable Duration awaitTimeout;

		private Builder() {
		}

		/**
		 * The operator for the calls without a {@code unionId}.
		 * @param defaultUnionId the operator, or {@code null} for none
		 * @return this builder
		 */
		public Builder defaultUnionId(@Nullable String defaultUnionId) {
			this.defaultUnionId = defaultUnionId;
			return this;
		}

		/**
		 * How a watch polls.
		 * @param initialInterval the delay before the second poll, and after every change
		 * @param maxInterval the longest delay between two polls
		 * @param multiplier the growth of the delay per poll that saw no change
		 * @return this builder
		 */
		public Builder poll(Duration initialInterval, Duration maxInterval, double multiplier) {
			this.initialPollInterval = initialInterval;
			this.maxPollInterval = maxInterval;
			this.pollMultiplier = multiplier;
			return this;
		}

		/**
		 * How long {@code awaitTask} without a timeout waits.
		 * @param awaitTimeout the timeout
		 * @return this builder
		 */
		public Builder awaitTimeout(Duration awaitTimeout) {
			this.awaitTimeout = awaitTimeout;
			return this;
		}

		/**
		 * The settings.
		 * @return the settings
		 * @throws NullPointerException naming a value that was not set
		 */
		public StorageTaskSettings build() {
			return new StorageTaskSettings(this.defaultUnionId,
					Objects.requireNonNull(this.initialPollInterval, "poll not set"),
					Objects.requireNonNull(this.maxPollInterval, "poll not set"),
					Objects.requireNonNull(this.pollMultiplier, "poll not set"),
					Objects.requireNonNull(this.awaitTimeout, "awaitTimeout not set"));
		}

	}

}
