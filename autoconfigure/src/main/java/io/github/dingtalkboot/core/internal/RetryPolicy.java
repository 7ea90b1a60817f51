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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.RetryListener;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Decides which failed attempts are retried and after how long, and applies that to a
 * call.
 * <p>
 * Retried: the configured HTTP statuses, transport failures, and per-second throttling
 * (at least {@link RetrySettings#throttledBackoff()} later). Never retried: other 4xx
 * answers and the monthly quota. When attempts run out, the last failure itself reaches
 * the caller, with {@link DingTalkException#getAttempts()} telling how many attempts were
 * made.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RetryPolicy {

	/** Retry reason for per-second throttling. */
	public static final String REASON_THROTTLED = "THROTTLED";

	/** Retry reason for a failure without an answer. */
	public static final String REASON_TRANSPORT = "TRANSPORT_ERROR";

	private final RetrySettings settings;

	private final RetryBudget budget;

	private final Clock clock;

	private final DoubleSupplier random;

	private final RetryListener listener;

	/**
	 * Create a policy.
	 * @param settings what to retry and how long to wait
	 * @param budget the client-wide retry budget
	 * @param clock the clock that {@code Retry-After} dates are read against
	 * @param listener told about every retry
	 */
	public RetryPolicy(RetrySettings settings, RetryBudget budget, Clock clock, RetryListener listener) {
		this(settings, budget, clock, listener, () -> ThreadLocalRandom.current().nextDouble());
	}

	RetryPolicy(RetrySettings settings, RetryBudget budget, Clock clock, RetryListener listener,
			DoubleSupplier random) {
		this.settings = settings;
		this.budget = budget;
		this.clock = clock;
		this.listener = listener;
		this.random = random;
	}

	/**
	 * The settings this policy applies.
	 * @return the settings
	 */
	public RetrySettings settings() {
		return this.settings;
	}

	/**
	 * Apply this policy to a call: re-subscribe to {@code attempt} after each retryable
	 * failure.
	 * @param <T> the result type
	 * @param operation the logical operation, for the listener
	 * @param attempt one attempt of the call, subscribed to once per attempt
	 * @return the call with retries
	 */
	<T> Mono<T> apply(String operation, Mono<T> attempt) {
		return attempt(operation, attempt.doOnSuccess((result) -> this.budget.onSuccess()), 1);
	}

	// a chain of onErrorResume rather than retryWhen: no companion publisher per call on
	// the hot path
	private <T> Mono<T> attempt(String operation, Mono<T> call, int number) {
		return call.onErrorResume((failure) -> {
			boolean retryable = isRetryable(failure);
			if (retryable) {
				this.budget.onFailure();
			}
			if (!retryable || number >= this.settings.maxAttempts() || !this.budget.allowsRetry()) {
				return Mono.error(withAttempts(failure, number));
			}
			Duration delay = delayFor(failure, number);
			this.listener.onRetry(operation, reason(failure), number, delay);
			return Mono.delay(delay).then(attempt(operation, call, number + 1));
		});
	}

	/**
	 * Whether a failure may be retried at all, whatever the number of attempts so far.
	 * @param failure the failure
	 * @return {@code true} for the configured statuses, transport failures and per-second
	 * throttling
	 */
	public boolean isRetryable(Throwable failure) {
		if (!this.settings.enabled()) {
			return false;
		}
		if (failure instanceof DingTalkTransportException) {
			return true;
		}
		if (failure instanceof DingTalkThrottledException throttled) {
			return throttled.isRateLimited() && !throttled.isRefusedByRateLimiter();
		}
		return failure instanceof DingTalkApiException api && this.settings.statuses().contains(api.getStatusCode());
	}

	/**
	 * How long to wait after a failed attempt.
	 * @param failure the failure
	 * @param failedAttempt the number of the attempt that failed, the first being
	 * {@code 1}
	 * @return the delay before the next attempt
	 */
	Duration delayFor(Throwable failure, int failedAttempt) {
		Duration delay = Duration.ofNanos(jittered(backoff(failedAttempt)));
		if (failure instanceof DingTalkApiException api) {
			Duration retryAfter = retryAfter(api.getRetryAfter());
			if (retryAfter != null) {
				delay = min(retryAfter, this.settings.maxRetryAfter());
			}
			if (failure instanceof DingTalkThrottledException) {
				delay = max(delay, this.settings.throttledBackoff());
			}
		}
		return delay;
	}

	private long backoff(int failedAttempt) {
		double nanos = this.settings.initialBackoff().toNanos()
				* Math.pow(this.settings.multiplier(), failedAttempt - 1);
		return (long) Math.min(nanos, this.settings.maxBackoff().toNanos());
	}

	private long jittered(long nanos) {
		double factor = 1 + this.settings.jitter() * (2 * this.random.getAsDouble() - 1);
		return Math.max(0, (long) (nanos * factor));
	}

	private @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not seconds: an HTTP date
		}
		try {
			Instant until = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			Duration wait = Duration.between(this.clock.instant(), until);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String reason(Throwable failure) {
		if (failure instanceof DingTalkThrottledException) {
			return REASON_THROTTLED;
		}
		if (failure instanceof DingTalkApiException api) {
			return Integer.toString(api.getStatusCode());
		}
		return REASON_TRANSPORT;
	}

	private static Throwable withAttempts(Throwable failure, int attempts) {
		return (failure instanceof DingTalkException dingTalk && dingTalk.getAttempts() != attempts)
				? dingTalk.withAttempts(attempts) : failure;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}
