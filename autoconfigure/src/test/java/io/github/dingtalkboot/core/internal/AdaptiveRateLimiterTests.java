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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.testsupport.SlidingSecond;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link AdaptiveRateLimiter} in virtual time.
 */
class AdaptiveRateLimiterTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	@Test
	void spacesRequestsEvenlyAtTheConfiguredRate() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		List<Long> granted = new ArrayList<>();
		Flux.range(0, 60)
			.flatMap((i) -> limiter.acquire()
				.then(reactor.core.publisher.Mono
					.fromRunnable(() -> granted.add(this.time.now(TimeUnit.MILLISECONDS)))))
			.subscribe();
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		assertThat(granted).hasSize(60);
		assertThat(granted.get(0)).isZero();
		for (int i = 1; i < granted.size(); i++) {
			assertThat(granted.get(i) - granted.get(i - 1)).isEqualTo(50);
		}
		assertThat(SlidingSecond.most(granted.stream().map(TimeUnit.MILLISECONDS::toNanos).toList())).isEqualTo(20);
	}

	@Test
	void aCallWhoseSlotIsFurtherAwayThanTheMaxWaitFailsAtOnceWithoutTakingASlot() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, Duration.ofSeconds(1), this.time);
		for (int i = 0; i < 21; i++) {
			limiter.acquire().subscribe();
		}

		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(DingTalkThrottledException.class,
					(throttled) -> assertThat(throttled.isRefusedByRateLimiter()).isTrue()))
			.verify(Duration.ofSeconds(1));
		assertThat(limiter.currentRate()).as("a refusal lowers no rate").isEqualTo(20.0);
		this.time.advanceTimeBy(Duration.ofMillis(50));
		StepVerifier.withVirtualTime(limiter::acquire, () -> this.time, Long.MAX_VALUE)
			.expectSubscription()
			.as("the next caller, a slot later, is queued again: the refused one took none")
			.thenAwait(Duration.ofMillis(1000))
			.verifyComplete();
	}

	@Test
	void aCallerThatGivesUpLeavesItsSlotToTheNextCaller() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		List<Disposable> waiting = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			waiting.add(limiter.acquire().subscribe());
		}
		waiting.forEach(Disposable::dispose);
		List<Long> granted = new ArrayList<>();

		limiter.acquire().subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofMillis(100));

		assertThat(granted).as("granted within two slots, not after the 100 given up").containsExactly(50L);
	}

	@Test
	void afterAStallOverdueRequestsGoOutOneSlotApartNotAtOnce() {
		ManualTimer timer = new ManualTimer();
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, timer);
		List<Long> granted = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			limiter.acquire().subscribe(null, null, () -> granted.add(timer.now(TimeUnit.MILLISECONDS)));
		}
		assertThat(granted).containsExactly(0L);

		// the JVM stalls for two seconds: then every waiting timer fires at the same
		// moment
		timer.stallUntil(Duration.ofMillis(2450));
		assertThat(granted).as("one request at the end of the stall, not nine").containsExactly(0L, 2450L);

		timer.runFor(Duration.ofSeconds(1));
		assertThat(granted).hasSize(10);
		for (int i = 2; i < granted.size(); i++) {
			assertThat(granted.get(i) - granted.get(i - 1)).isEqualTo(50);
		}
	}

	@Test
	void aCancelledWaitGivesItsSlotToTheNextRequest() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		List<Long> granted = new ArrayList<>();
		limiter.acquire().subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		limiter.acquire().subscribe().dispose();
		limiter.acquire().subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(granted).as("the third request takes the second one's slot").containsExactly(0L, 50L);
	}

	@Test
	void aSlotGivenBackAfterItPassedIsNotReused() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		limiter.acquire().subscribe();
		reactor.core.Disposable waiting = limiter.acquire().subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(40));
		waiting.dispose();
		this.time.advanceTimeBy(Duration.ofMillis(20));
		List<Long> granted = new ArrayList<>();
		limiter.acquire().subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		limiter.acquire().subscribe(null, null, () -> granted.add(this.time.now(TimeUnit.MILLISECONDS)));
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		assertThat(granted).containsExactly(100L, 150L);
	}

	@Test
	void requestsBelowTheRateAreNotDelayed() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		StepVerifier.create(limiter.acquire()).verifyComplete();
		this.time.advanceTimeBy(Duration.ofMillis(100));
		StepVerifier.create(limiter.acquire()).verifyComplete();
	}

	@Test
	void throttlingHalvesTheRateAtMostOnceASecond() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		limiter.onThrottled();
		limiter.onThrottled();
		assertThat(limiter.currentRate()).isEqualTo(10);
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		limiter.onThrottled();
		assertThat(limiter.currentRate()).isEqualTo(5);
	}

	@Test
	void theRateNeverFallsBelowOneRequestPerSecond() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		for (int i = 0; i < 10; i++) {
			limiter.onThrottled();
			this.time.advanceTimeBy(Duration.ofSeconds(1));
		}
		assertThat(limiter.currentRate()).isEqualTo(1);
	}

	@Test
	void successesGiveBackOneRequestPerSecondUpToTheConfiguredRate() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		limiter.onThrottled();
		limiter.onSuccess();
		assertThat(limiter.currentRate()).as("no increase within the second of a decrease").isEqualTo(10);
		for (int second = 1; second <= 15; second++) {
			this.time.advanceTimeBy(Duration.ofSeconds(1));
			limiter.onSuccess();
			limiter.onSuccess();
		}
		assertThat(limiter.currentRate()).isEqualTo(20);
	}

	@Test
	void aLowerRateSpacesRequestsFurther() {
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20, this.time);
		limiter.onThrottled();
		List<Long> granted = new ArrayList<>();
		Flux.range(0, 5)
			.flatMap((i) -> limiter.acquire()
				.then(reactor.core.publisher.Mono
					.fromRunnable(() -> granted.add(this.time.now(TimeUnit.MILLISECONDS)))))
			.subscribe();
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		assertThat(granted).containsExactly(0L, 100L, 200L, 300L, 400L);
	}

	@Test
	void aRateThatIsNotPositiveIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AdaptiveRateLimiter(0))
			.withMessageContaining("requestsPerSecond must be positive");
	}

	/**
	 * A clock and timers moved by hand. {@link #stallUntil(Duration)} moves the clock
	 * first and fires the overdue timers after, all at that moment, as a stalled JVM
	 * does.
	 */
	private static final class ManualTimer implements Scheduler {

		private final PriorityQueue<Timer> timers = new PriorityQueue<>(Comparator.comparingLong(Timer::due));

		private long now;

		void stallUntil(Duration at) {
			this.now = at.toNanos();
			fireDue();
		}

		void runFor(Duration duration) {
			long end = this.now + duration.toNanos();
			while (!this.timers.isEmpty() && this.timers.peek().due() <= end) {
				this.now = Math.max(this.now, this.timers.peek().due());
				fireDue();
			}
			this.now = end;
		}

		private void fireDue() {
			List<Timer> due = new ArrayList<>();
			while (!this.timers.isEmpty() && this.timers.peek().due() <= this.now) {
				due.add(this.timers.poll());
			}
			due.forEach((timer) -> timer.task().run());
		}

		@Override
		public long now(TimeUnit unit) {
			return unit.convert(this.now, TimeUnit.NANOSECONDS);
		}

		@Override
		public Disposable schedule(Runnable task) {
			return schedule(task, 0, TimeUnit.NANOSECONDS);
		}

		@Override
		public Disposable schedule(Runnable task, long delay, TimeUnit unit) {
			Timer timer = new Timer(this.now + unit.toNanos(delay), task);
			this.timers.add(timer);
			return () -> this.timers.remove(timer);
		}

		@Override
		public Worker createWorker() {
			throw new UnsupportedOperationException("the limiter schedules on the scheduler itself");
		}

		private record Timer(long due, Runnable task) {
		}

	}

}
