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
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RetryPolicy}: what is retried, the delays (in virtual time),
 * {@code Retry-After}, and the budget.
 */
class RetryPolicyTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final List<String> retries = new ArrayList<>();

	private final RetryListener listener = (operation, reason, attempt, delay) -> this.retries
		.add(operation + ":" + reason + ":" + attempt + ":" + delay.toMillis());

	private RetryPolicy policy(double random) {
		return new RetryPolicy(DefaultSettings.retry(), RetryBudget.unlimited(), this.clock, this.listener,
				() -> random);
	}

	private static DingTalkApiException answer(int status, String code) {
		return answer(status, code, null);
	}

	private static DingTalkApiException answer(int status, String code, String retryAfter) {
		return DingTalkErrors.toException(new DingTalkError(status, code, "m", "r", retryAfter));
	}

	@Test
	void delaysGrowExponentiallyUpToTheCap() {
		RetryPolicy policy = policy(0.5);
		DingTalkApiException failure = answer(503, "operationTimeout");
		assertThat(policy.delayFor(failure, 1)).isEqualTo(Duration.ofMillis(200));
		assertThat(policy.delayFor(failure, 2)).isEqualTo(Duration.ofMillis(400));
		assertThat(policy.delayFor(failure, 3)).isEqualTo(Duration.ofMillis(800));
		assertThat(policy.delayFor(failure, 10)).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void jitterStaysWithinPlusOrMinusTheConfiguredFraction() {
		DingTalkApiException failure = answer(500, "systemError");
		assertThat(policy(0.0).delayFor(failure, 1)).isEqualTo(Duration.ofMillis(100));
		assertThat(policy(0.999999).delayFor(failure, 1)).isBetween(Duration.ofMillis(299), Duration.ofMillis(300));
		RetryPolicy random = new RetryPolicy(DefaultSettings.retry(), RetryBudget.unlimited(), this.clock,
				RetryListener.NONE);
		for (int i = 0; i < 1000; i++) {
			assertThat(random.delayFor(failure, 2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(600));
		}
	}

	@Test
	void retryAfterInSecondsReplacesTheComputedDelay() {
		assertThat(policy(0.5).delayFor(answer(503, "operationTimeout", "7"), 1)).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void retryAfterAsAnHttpDateIsReadAgainstTheClock() {
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.clock.instant().plusSeconds(12).atOffset(ZoneOffset.UTC));
		assertThat(policy(0.5).delayFor(answer(503, "operationTimeout", date), 1)).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void retryAfterIsCappedAtMaxRetryAfter() {
		assertThat(policy(0.5).delayFor(answer(503, "operationTimeout", "3600"), 1)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void unreadableRetryAfterFallsBackToTheComputedDelay() {
		assertThat(policy(0.5).delayFor(answer(503, "operationTimeout", "soon"), 1)).isEqualTo(Duration.ofMillis(200));
	}

	@Test
	void perSecondThrottlingWaitsAtLeastTheThrottledBackoff() {
		assertThat(policy(0.0).delayFor(answer(403, DingTalkErrorCodes.QPS_LIMIT_APP), 1))
			.isEqualTo(Duration.ofSeconds(1));
		assertThat(policy(0.0).delayFor(answer(429, null, "3"), 1)).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void retriesTheConfiguredStatusesTransportFailuresAndPerSecondThrottlingOnly() {
		RetryPolicy policy = policy(0.5);
		assertThat(policy.isRetryable(answer(500, "systemError"))).isTrue();
		assertThat(policy.isRetryable(answer(503, "operationTimeout"))).isTrue();
		assertThat(policy.isRetryable(new DingTalkTransportException("reset", new RuntimeException()))).isTrue();
		assertThat(policy.isRetryable(answer(403, DingTalkErrorCodes.QPS_LIMIT_APP))).isTrue();
		assertThat(policy.isRetryable(answer(403, DingTalkErrorCodes.QPS_LIMIT_API))).isTrue();
		assertThat(policy.isRetryable(answer(429, null))).isTrue();
		assertThat(policy.isRetryable(answer(403, DingTalkErrorCodes.QUOTA_LIMIT))).isFalse();
		assertThat(policy.isRetryable(answer(404, "taskNotExist"))).isFalse();
		assertThat(policy.isRetryable(answer(400, "paramError"))).isFalse();
		assertThat(policy.isRetryable(answer(400, "InvalidAuthentication"))).isFalse();
		assertThat(policy.isRetryable(answer(502, null))).isFalse();
		assertThat(policy.isRetryable(new DingTalkMalformedResponseException("x"))).isFalse();
		assertThat(policy.isRetryable(new IllegalStateException())).isFalse();
	}

	@Test
	void disabledRetriesRetryNothing() {
		RetryPolicy policy = new RetryPolicy(DefaultSettings.noRetries(), RetryBudget.unlimited(), this.clock,
				RetryListener.NONE);
		assertThat(policy.isRetryable(answer(503, "operationTimeout"))).isFalse();
	}

	@Test
	void retriesAfterTheComputedDelaysInVirtualTime() {
		StepVerifier.withVirtualTime(() -> policy(0.5).apply("op", failing(2, answer(503, "operationTimeout"))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(199))
			.thenAwait(Duration.ofMillis(1))
			.expectNoEvent(Duration.ofMillis(399))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.retries).containsExactly("op:503:1:200", "op:503:2:400");
	}

	@Test
	void retryAfterDelaysTheNextAttemptInVirtualTime() {
		StepVerifier.withVirtualTime(() -> policy(0.5).apply("op", failing(1, answer(503, "operationTimeout", "4"))))
			.expectSubscription()
			.expectNoEvent(Duration.ofMillis(3999))
			.thenAwait(Duration.ofMillis(1))
			.expectNext("ok")
			.verifyComplete();
	}

	@Test
	void whenAttemptsRunOutTheLastFailureReachesTheCallerWithTheAttemptCount() {
		DingTalkApiException last = answer(500, "systemError");
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono
			.defer(() -> Mono.error((attempts.incrementAndGet() < 3) ? answer(500, "unknownError") : last));
		StepVerifier.withVirtualTime(() -> policy(0.5).apply("op", call))
			.thenAwait(Duration.ofSeconds(10))
			.expectErrorSatisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(DingTalkServerException.class).hasMessage(last.getMessage());
				DingTalkServerException failure = (DingTalkServerException) ex;
				assertThat(failure.getStatusCode()).isEqualTo(500);
				assertThat(failure.getErrorCode()).isEqualTo("systemError");
				assertThat(failure.getRequestId()).isEqualTo(last.getRequestId());
				assertThat(failure.getAttempts()).isEqualTo(3);
			})
			.verify();
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aNonRetryableFailureIsNotRetriedAndCountsOneAttempt() {
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> call = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(answer(404, "taskNotExist"));
		});
		StepVerifier.create(policy(0.5).apply("op", call))
			.expectErrorSatisfies((ex) -> assertThat(((DingTalkException) ex).getAttempts()).isEqualTo(1))
			.verify();
		assertThat(attempts).hasValue(1);
	}

	@Test
	void theReasonOfARetryIsTheStatusThrottledOrTransportError() {
		StepVerifier
			.withVirtualTime(() -> policy(0.5).apply("op",
					Mono.defer(new Sequence(answer(403, DingTalkErrorCodes.QPS_LIMIT_APP),
							new DingTalkTransportException("reset", new RuntimeException())))))
			.thenAwait(Duration.ofSeconds(10))
			.expectNext("ok")
			.verifyComplete();
		assertThat(this.retries).containsExactly("op:THROTTLED:1:1000", "op:TRANSPORT_ERROR:2:400");
	}

	@Test
	void anExhaustedBudgetStopsRetriesUntilSuccessesRefillIt() {
		RetryBudget budget = new RetryBudget(10, 1);
		RetryPolicy policy = new RetryPolicy(DefaultSettings.retry(), budget, this.clock, RetryListener.NONE,
				() -> 0.5);
		for (int i = 0; i < 5; i++) {
			budget.onFailure();
		}
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> alwaysFailing = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(answer(503, "operationTimeout"));
		});
		StepVerifier.create(policy.apply("op", alwaysFailing)).expectError(DingTalkServerException.class).verify();
		assertThat(attempts).as("at half the budget no retry is made").hasValue(1);
		budget.onSuccess();
		budget.onSuccess();
		assertThat(budget.allowsRetry()).isTrue();
	}

	@Test
	void theBudgetDrainsDuringAnOutageSoRetriesStop() {
		RetryBudget budget = new RetryBudget(100, 0.1);
		RetryPolicy policy = new RetryPolicy(DefaultSettings.retry()
			.toBuilder()
			.backoff(Duration.ZERO, Duration.ZERO, 1, 0)
			.statuses(Set.of(503))
			.throttledBackoff(Duration.ZERO)
			.build(), budget, this.clock, RetryListener.NONE, () -> 0.5);
		AtomicInteger attempts = new AtomicInteger();
		Mono<String> alwaysFailing = Mono.defer(() -> {
			attempts.incrementAndGet();
			return Mono.error(answer(503, "operationTimeout"));
		});
		for (int call = 0; call < 100; call++) {
			StepVerifier.create(policy.apply("op", alwaysFailing)).expectError().verify();
		}
		assertThat(attempts.get()).as("100 calls, 3 attempts each without a budget: 300").isLessThanOrEqualTo(100 + 50);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1 })
	void maxAttemptsBelowOneIsRejected(int maxAttempts) {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultSettings.retry().toBuilder().maxAttempts(maxAttempts).build())
			.withMessageContaining("maxAttempts must be at least 1");
	}

	private static Mono<String> failing(int times, Throwable failure) {
		AtomicInteger calls = new AtomicInteger();
		return Mono.defer(() -> (calls.incrementAndGet() <= times) ? Mono.error(failure) : Mono.just("ok"));
	}

	/** Fails with each given failure once, in order, then succeeds. */
	private static final class Sequence implements java.util.function.Supplier<Mono<String>> {

		private final Throwable[] failures;

		private int next;

		Sequence(Throwable... failures) {
			this.failures = failures;
		}

		@Override
		public Mono<String> get() {
			return (this.next < this.failures.length) ? Mono.error(this.failures[this.next++]) : Mono.just("ok");
		}

	}

}
