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
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Paces requests to one DingTalk API to a rate, evenly spaced, without blocking threads:
 * each request reserves the next free slot and waits for it with a timer.
 * <p>
 * The rate adapts (additive increase, multiplicative decrease): a per-second throttling
 * answer from DingTalk (other instances of the application share the same limit) halves
 * it, at most once a second; then each second that passes without throttling gives back
 * one request per second, up to the configured rate.
 * <p>
 * Why not Resilience4j's or Bucket4j's limiter: a limiter that refills N permits once a
 * second lets up to 2N requests through in a sliding one-second window (N at the end of
 * one period, N at the start of the next), and Resilience4j cannot change its refresh
 * period at run time, which the decrease below one request per period needs. Spacing
 * single slots gives at most {@code rate + 1} requests in any one-second window at every
 * rate.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class AdaptiveRateLimiter implements DingTalkRateLimiter {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	/** The longest wait for a slot, unless another is given. */
	public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(30);

	private volatile double maxRate;

	private final double minRate;

	private final Scheduler scheduler;

	private final long maxWait;

	private static final long NO_SLOT = Long.MIN_VALUE;

	private final AtomicLong nextSlot = new AtomicLong(NO_SLOT);

	private final ConcurrentSkipListSet<Long> returnedSlots = new ConcurrentSkipListSet<>();

	private volatile double rate;

	private volatile long lastDecrease;

	private volatile long lastIncrease;

	/**
	 * Create a limiter on Reactor's parallel scheduler.
	 * @param requestsPerSecond the configured (and highest) rate
	 */
	public AdaptiveRateLimiter(double requestsPerSecond) {
		this(requestsPerSecond, DEFAULT_MAX_WAIT);
	}

	/**
	 * Create a limiter on Reactor's parallel scheduler.
	 * @param requestsPerSecond the configured (and highest) rate
	 * @param maxWait the longest a caller waits for its slot
	 */
	public AdaptiveRateLimiter(double requestsPerSecond, Duration maxWait) {
		this(requestsPerSecond, maxWait, Schedulers.parallel());
	}

	AdaptiveRateLimiter(double requestsPerSecond, Scheduler scheduler) {
		this(requestsPerSecond, DEFAULT_MAX_WAIT, scheduler);
	}

	AdaptiveRateLimiter(double requestsPerSecond, Duration maxWait, Scheduler scheduler) {
		if (!(requestsPerSecond > 0)) {
			throw new IllegalArgumentException("requestsPerSecond must be positive");
		}
		if (maxWait.isNegative()) {
			throw new IllegalArgumentException("maxWait must not be negative");
		}
		this.maxWait = maxWait.toNanos();
		this.maxRate = requestsPerSecond;
		this.minRate = Math.min(1, requestsPerSecond);
		this.rate = requestsPerSecond;
		this.scheduler = scheduler;
		this.lastDecrease = now() - SECOND;
		this.lastIncrease = this.lastDecrease;
	}

	/**
	 * Wait for the next free slot.
	 * @return a Mono that completes when the request may be sent
	 */
	@Override
	public Mono<Void> acquire() {
		return Mono.defer(() -> {
			long now = now();
			long slot = takeReturnedSlot(now);
			if (slot == NO_SLOT) {
				long reservedUpTo = this.nextSlot.get();
				long queued = (reservedUpTo == NO_SLOT) ? 0 : reservedUpTo - now;
				if (queued > this.maxWait) {
					return refused(queued);
				}
				long interval = (long) (SECOND / this.rate);
				slot = Math.max(now,
						this.nextSlot.getAndAccumulate(now, (next, current) -> Math.max(next, current) + interval));
			}
			long wait = slot - now;
			if (wait > this.maxWait) {
				giveBack(slot);
				return refused(wait);
			}
			if (wait <= 0) {
				return Mono.empty();
			}
			long reserved = slot;
			// a timer that fires late (the JVM stalled, the machine is loaded) takes a
			// new
			// slot instead of sending now: overdue requests then go out one slot apart,
			// never all at once. A caller that gives up waiting (cancelled, timed out)
			// leaves its slot to the next one
			return Mono.delay(Duration.ofNanos(wait), this.scheduler)
				.then(Mono.defer(() -> (now() - reserved > lateness()) ? acquire() : Mono.<Void>empty()))
				.doOnCancel(() -> giveBack(reserved));
		});
	}

	private Mono<Void> refused(long wait) {
		return Mono.error(DingTalkThrottledException.refusedByRateLimiter(Duration.ofNanos(wait),
				Duration.ofNanos(this.maxWait)));
	}

	/* A quarter of a slot: more than timer jitter, less than a slot. */
	private long lateness() {
		return (long) (SECOND / this.rate) / 4;
	}

	private long takeReturnedSlot(long now) {
		Long slot;
		while (!this.returnedSlots.isEmpty() && (slot = this.returnedSlots.pollFirst()) != null) {
			// a slot given back that has already passed went unused, and stays unused
			if (slot >= now) {
				return slot;
			}
		}
		return NO_SLOT;
	}

	private void giveBack(long slot) {
		this.returnedSlots.add(slot);
	}

	/**
	 * Set the configured (and highest) rate, as if the limiter had been created with it:
	 * e.g. this instance's share of a rate several instances shared. The current rate
	 * becomes it at once.
	 * @param requestsPerSecond the new rate
	 */
	public void setRate(double requestsPerSecond) {
		if (!(requestsPerSecond > 0)) {
			throw new IllegalArgumentException("requestsPerSecond must be positive");
		}
		this.maxRate = requestsPerSecond;
		this.rate = requestsPerSecond;
	}

	/**
	 * DingTalk throttled a request: halve the rate, at most once a second.
	 */
	@Override
	public void onThrottled() {
		long now = now();
		if (now - this.lastDecrease >= SECOND) {
			this.lastDecrease = now;
			this.lastIncrease = now;
			this.rate = Math.max(this.minRate, this.rate / 2);
		}
	}

	/**
	 * A request got its answer without throttling: give back one request per second for
	 * each second since the last change.
	 */
	@Override
	public void onSuccess() {
		if (this.rate >= this.maxRate) {
			return;
		}
		long now = now();
		if (now - this.lastIncrease >= SECOND) {
			this.lastIncrease = now;
			this.rate = Math.min(this.maxRate, this.rate + 1);
		}
	}

	/**
	 * The rate now.
	 * @return requests per second
	 */
	@Override
	public double currentRate() {
		return this.rate;
	}

	private long now() {
		return this.scheduler.now(TimeUnit.NANOSECONDS);
	}

}
