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

package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * One rate limit for every instance of an application: each request reserves the next
 * evenly spaced slot of one schedule held in Redis (GCRA: the theoretical arrival time
 * advances by 1/rate per request, computed on the Redis server's clock, so the instances'
 * clocks do not matter), then waits for it on a timer. The rate adapts for all: a
 * throttling answer seen by any instance halves it (at most once a second), and each
 * second without one gives back one request per second, up to the configured rate.
 * <p>
 * A request whose timer fires more than a quarter slot late (a stalled JVM) reserves a
 * new slot instead of going out on top of the next one, so the requests DingTalk receives
 * stay at most {@code rate + 1} in any one-second window. While Redis does not answer,
 * the fallback limiter paces this instance alone, at its share of the last shared rate:
 * every instance that sends requests says it is alive every {@link #HEARTBEAT_INTERVAL},
 * and learns how many did within three of them.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RedisRateLimiter implements DingTalkRateLimiter, RedisCheck {

	private static final long MICROS_PER_SECOND = TimeUnit.SECONDS.toMicros(1);

	private static final int MAX_RESERVATIONS = 3;

	/**
	 * Slots are this much further apart than 1/rate: the headroom for the jitter between
	 * a slot and the request reaching DingTalk (network, event loops, pauses), which the
	 * one schedule cannot see. At 20 requests/s it spaces them 52.5ms apart; a request
	 * then has to be 100ms late before DingTalk could see more than {@code rate + 1} in a
	 * second.
	 */
	static final double SPACING = 1.05;

	/**
	 * Answers {wait, rate, slot} in microseconds; {-1, rate, wait} when the next slot is
	 * further away than the longest wait (nothing is reserved then). A slot given back is
	 * taken before a new one; a schedule further ahead than the longest wait can reach
	 * (Redis's clock stepped back) starts again from the longest wait.
	 */
	private static final RedisScript<List<Object>> RESERVE = LuaScripts.list("rate-limiter/reserve.lua");

	/** Keeps a slot its caller gave up for the next reservation, until it passes. */
	private static final RedisScript<Long> GIVE_BACK = LuaScripts.load("rate-limiter/give-back.lua", Long.class);

	private static final RedisScript<String> THROTTLED = LuaScripts.load("rate-limiter/throttled.lua", String.class);

	private static final RedisScript<String> RATE = LuaScripts.load("rate-limiter/rate.lua", String.class);

	/**
	 * Notes this instance alive (a sorted set of instance ids by the time each was last
	 * seen, on Redis's clock) and answers {the shared rate, how many instances were seen
	 * within the last three heartbeats}.
	 */
	private static final RedisScript<List<Object>> HEARTBEAT = LuaScripts.list("rate-limiter/heartbeat.lua");

	private static final RedisScript<Long> LEAVE = LuaScripts.load("rate-limiter/leave.lua", Long.class);

	/** How often an instance says it is alive. */
	static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final List<String> keys;

	private final List<String> rates;

	private final double maxRate;

	private final AdaptiveRateLimiter fallback;

	private final String instanceId = UUID.randomUUID().toString();

	private final AtomicBoolean joined = new AtomicBoolean();

	private volatile @Nullable Disposable heartbeats;

	private final Duration maxWait;

	private final Scheduler timer;

	private final LongSupplier nanoTime;

	private volatile double sharedRate;

	private volatile long sharedRateRead;

	/**
	 * Create a limiter.
	 * @param redis the template to reach Redis with
	 * @param keys the credential's keys
	 * @param requestsPerSecond the highest rate, shared by all instances
	 * @param maxWait the longest a caller waits for its slot
	 * @param state whether Redis answers
	 * @param fallback paces this instance while Redis does not answer
	 */
	public RedisRateLimiter(ReactiveStringRedisTemplate redis, RedisKeys keys, double requestsPerSecond,
			Duration maxWait, ClusterState state, AdaptiveRateLimiter fallback) {
		this(redis, keys, requestsPerSecond, maxWait, state, fallback, Schedulers.parallel(), System::nanoTime);
	}

	RedisRateLimiter(ReactiveStringRedisTemplate redis, RedisKeys keys, double requestsPerSecond, Duration maxWait,
			ClusterState state, AdaptiveRateLimiter fallback, Scheduler timer, LongSupplier nanoTime) {
		if (!(requestsPerSecond > 0)) {
			throw new IllegalArgumentException("requestsPerSecond must be positive");
		}
		this.redis = redis;
		this.state = state;
		this.keys = List.of(keys.key("rate-schedule"), keys.key("rate"), keys.key("rate-returned"),
				keys.key("rate-instances"));
		// the slowest rate halving reaches: one request every ten seconds
		this.rates = List.of(String.valueOf(requestsPerSecond), String.valueOf(Math.min(requestsPerSecond, 0.1)),
				String.valueOf(SPACING), String.valueOf(TimeUnit.NANOSECONDS.toMicros(maxWait.toNanos())));
		this.maxWait = maxWait;
		this.maxRate = requestsPerSecond;
		this.fallback = fallback;
		this.timer = timer;
		this.nanoTime = nanoTime;
		this.sharedRate = requestsPerSecond;
	}

	@Override
	public Mono<Void> acquire() {
		if (!this.joined.get() && this.joined.compareAndSet(false, true)) {
			// an instance that sends requests takes part in the rate: it says so while
			// it runs, so that each knows its share should Redis stop answering
			this.heartbeats = Flux.interval(Duration.ZERO, HEARTBEAT_INTERVAL, this.timer)
				.concatMap((tick) -> heartbeat().onErrorResume((ex) -> Mono.empty()))
				.subscribe();
		}
		return reserve(1);
	}

	/**
	 * Say this instance is alive and take its share of the shared rate as the fallback's
	 * highest rate.
	 * @return a Mono that completes when Redis answered
	 */
	Mono<Void> heartbeat() {
		List<String> args = new ArrayList<>(this.rates);
		args.add(this.instanceId);
		args.add(String.valueOf(HEARTBEAT_INTERVAL.multipliedBy(3).toMillis()));
		return this.state.guard(this.redis.execute(HEARTBEAT, this.keys, args).next()).doOnNext((answer) -> {
			double rate = Math.min(Double.parseDouble(String.valueOf(answer.get(0))), this.maxRate);
			long instances = Math.max(1, ((Number) answer.get(1)).longValue());
			this.sharedRate = rate;
			this.fallback.setRate(Math.max(1, rate / instances));
		}).then();
	}

	/**
	 * Stop saying this instance is alive; its share goes to the others at their next
	 * heartbeat.
	 */
	public void close() {
		Disposable running = this.heartbeats;
		if (running != null) {
			running.dispose();
			inBackground(this.state.guard(this.redis.execute(LEAVE, this.keys, List.of(this.instanceId)).next()));
		}
	}

	private Mono<Void> reserve(int reservation) {
		return Mono.defer(() -> {
			// a caller that gives up while Redis reserves still gets a slot: it is given
			// back once known, never left empty in the schedule
			CompletableFuture<Slot> reserving = reserveSlot().toFuture();
			return Mono.fromFuture(reserving, true)
				.doOnCancel(() -> reserving.thenAccept(this::giveBack))
				.flatMap((slot) -> waitFor(slot, reservation));
		}).onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.fallback.acquire());
	}

	private Mono<Slot> reserveSlot() {
		return Mono.defer(() -> {
			long sent = this.nanoTime.getAsLong();
			return this.state.guard(this.redis.execute(RESERVE, this.keys, this.rates).next())
				.map((answer) -> slot(answer, sent));
		});
	}

	/**
	 * Reserve the next slot without waiting for it.
	 * @return how long until the slot, in microseconds
	 */
	Mono<Long> reserveMicros() {
		return reserveSlot().map(Slot::waitMicros);
	}

	/**
	 * Halve the shared rate, unless it was halved less than a second ago.
	 * @return the shared rate now
	 */
	Mono<Double> halve() {
		return this.state.guard(this.redis.execute(THROTTLED, this.keys, this.rates).next())
			.map(Double::parseDouble)
			.doOnNext(this::rateSeen);
	}

	private Slot slot(List<?> answer, long sent) {
		long received = this.nanoTime.getAsLong();
		long waitMicros = Long.parseLong(String.valueOf(answer.get(0)));
		double rate = Double.parseDouble(String.valueOf(answer.get(1)));
		String at = String.valueOf(answer.get(2));
		rateSeen(rate);
		if (waitMicros < 0) {
			return new Slot(-1, rate, 0, at);
		}
		// Redis computed the wait about half a round trip before the answer arrived
		long due = (sent + received) / 2 + TimeUnit.MICROSECONDS.toNanos(waitMicros);
		return new Slot(waitMicros, rate, due, at);
	}

	private void giveBack(Slot slot) {
		if (slot.waitMicros() <= 0) {
			return;
		}
		String timeToLive = String.valueOf(TimeUnit.MICROSECONDS.toMillis(slot.waitMicros()) + 1000);
		inBackground(this.state.guard(this.redis.execute(GIVE_BACK, this.keys, List.of(slot.at(), timeToLive)).next()));
	}

	private Mono<Void> waitFor(Slot slot, int reservation) {
		if (slot.waitMicros() < 0) {
			return Mono.error(DingTalkThrottledException
				.refusedByRateLimiter(Duration.of(Long.parseLong(slot.at()), ChronoUnit.MICROS), this.maxWait));
		}
		long delay = slot.due() - this.nanoTime.getAsLong();
		if (delay <= 0) {
			return Mono.empty();
		}
		long due = slot.due();
		long tolerance = TimeUnit.MICROSECONDS.toNanos((long) (MICROS_PER_SECOND / slot.rate() / 4));
		return Mono.delay(Duration.ofNanos(delay), this.timer).doOnCancel(() -> giveBack(slot)).then(Mono.defer(() -> {
			boolean late = this.nanoTime.getAsLong() - due > tolerance;
			return (late && reservation < MAX_RESERVATIONS) ? reserve(reservation + 1) : Mono.<Void>empty();
		}));
	}

	@Override
	public Mono<Void> check() {
		return this.state.guard(this.redis.execute(RATE, this.keys, this.rates).next()).then();
	}

	@Override
	public void onSuccess() {
		this.fallback.onSuccess();
	}

	@Override
	public void onThrottled() {
		this.fallback.onThrottled();
		inBackground(halve());
	}

	@Override
	public double currentRate() {
		if (this.state.isDegraded()) {
			return this.fallback.currentRate();
		}
		if (this.nanoTime.getAsLong() - this.sharedRateRead > TimeUnit.SECONDS.toNanos(1)) {
			// a gauge must not block: this read refreshes the value the next one shows
			this.sharedRateRead = this.nanoTime.getAsLong();
			this.state.guard(this.redis.execute(RATE, this.keys, this.rates).next())
				.subscribe((rate) -> rateSeen(Double.parseDouble(rate)), (unavailable) -> {
				});
		}
		return this.sharedRate;
	}

	/*
	 * Run a write nobody waits for: if Redis does not take it now, the shared state is
	 * only less precise (a slot stays unused, an instance counts a little longer).
	 */
	private static void inBackground(Mono<?> write) {
		write.subscribe(null, (unavailable) -> {
		});
	}

	private void rateSeen(double rate) {
		this.sharedRate = Math.min(rate, this.maxRate);
		this.sharedRateRead = this.nanoTime.getAsLong();
	}

	@Override
	public String toString() {
		return "RedisRateLimiter[" + this.keys.get(0) + ", maxRate=" + this.maxRate + "]";
	}

	/**
	 * A reserved slot.
	 *
	 * @param waitMicros how long until it, or -1 when none was reserved
	 * @param rate the shared rate
	 * @param due when it is due on this instance's clock (nanoseconds)
	 * @param at when it is, on Redis's clock (microseconds), as Redis wrote it; for none,
	 * how far away the next free one was
	 */
	private record Slot(long waitMicros, double rate, long due, String at) {
	}

}
