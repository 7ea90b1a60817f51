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

package io.github.dingtalkboot.core.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How failed DingTalk calls are retried. Made with {@link #builder()}, which wants every
 * value: the defaults live in one place, the {@code DingTalkProperties} of the
 * auto-configuration.
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
 * @author dingtalk-spring-boot maintainers
 */
public record RetrySettings(boolean enabled, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
		double multiplier, double jitter, Set<Integer> statuses, Duration throttledBackoff, Duration maxRetryAfter) {

	/**
	 * Check the settings.
	 */
	public RetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
		}
		if (jitter < 0 || jitter > 1) {
			throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
		}
		statuses = Set.copyOf(statuses);
	}

	/**
	 * A builder that wants every value.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder that starts from these settings.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder().enabled(this.enabled)
			.maxAttempts(this.maxAttempts)
			.backoff(this.initialBackoff, this.maxBackoff, this.multiplier, this.jitter)
			.statuses(this.statuses)
			.throttledBackoff(this.throttledBackoff)
			.maxRetryAfter(this.maxRetryAfter);
	}

	/**
	 * Builds {@link RetrySettings} by name.
	 */
	public static final class Builder {

		private @Nullable Boolean enabled;

		private @Nullable Integer maxAttempts;

		private @Nullable Duration initialBackoff;

		private @Nullable Duration maxBackoff;

		private @Nullable Double multiplier;

		private @Nullable Double jitter;

		private @Nullable Set<Integer> statuses;

		private @Nullable Duration throttledBackoff;

		private @Nullable Duration maxRetryAfter;

		private Builder() {
		}

		/**
		 * Whether to retry at all.
		 * @param enabled {@code false} for one attempt per call
		 * @return this builder
		 */
		public Builder enabled(boolean enabled) {
			this.enabled = enabled;
			return this;
		}

		/**
		 * Total attempts, the first included.
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * The exponential back-off between attempts.
		 * @param initial the delay before the first retry
		 * @param max the cap for one computed delay
		 * @param multiplier the growth of the delay from one retry to the next
		 * @param jitter the ± fraction of each delay that is random
		 * @return this builder
		 */
		public Builder backoff(Duration initial, Duration max, double multiplier, double jitter) {
			this.initialBackoff = initial;
			this.maxBackoff = max;
			this.multiplier = multiplier;
			this.jitter = jitter;
			return this;
		}

		/**
		 * The HTTP statuses that are retried.
		 * @param statuses the statuses
		 * @return this builder
		 */
		public Builder statuses(Set<Integer> statuses) {
			this.statuses = statuses;
			return this;
		}

		/**
		 * The least delay after a per-second throttling answer.
		 * @param throttledBackoff the delay
		 * @return this builder
		 */
		public Builder throttledBackoff(Duration throttledBackoff) {
			this.throttledBackoff = throttledBackoff;
			return this;
		}

		/**
		 * The cap for a delay asked for by a {@code Retry-After} header.
		 * @param maxRetryAfter the cap
		 * @return this builder
		 */
		public Builder maxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
			return this;
		}

		/**
		 * The settings.
		 * @return the settings
		 * @throws NullPointerException naming a value that was not set
		 */
		public RetrySettings build() {
			return new RetrySettings(Objects.requireNonNull(this.enabled, "enabled not set"),
					Objects.requireNonNull(this.maxAttempts, "maxAttempts not set"),
					Objects.requireNonNull(this.initialBackoff, "backoff not set"),
					Objects.requireNonNull(this.maxBackoff, "backoff not set"),
					Objects.requireNonNull(this.multiplier, "backoff not set"),
					Objects.requireNonNull(this.jitter, "backoff not set"),
					Objects.requireNonNull(this.statuses, "statuses not set"),
					Objects.requireNonNull(this.throttledBackoff, "throttledBackoff not set"),
					Objects.requireNonNull(this.maxRetryAfter, "maxRetryAfter not set"));
		}

	}

}
