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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkboot.auth.internal.SharedTokenStore.StoredToken;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import io.github.dingtalkboot.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.data.redis.core.script.RedisScript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Lua scripts behind the shared rate limit and the shared token, run by a real Redis.
 */
@RequiresDocker
class RedisScriptsTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final RedisKeys keys = new RedisKeys("test", "app:" + UUID.randomUUID());

	private final ClusterState state = new ClusterState(Duration.ofSeconds(5));

	private RedisRateLimiter limiter(double rate) {
		return new RedisRateLimiter(redis.template(), this.keys, rate, AdaptiveRateLimiter.DEFAULT_MAX_WAIT, this.state,
				new AdaptiveRateLimiter(1));
	}

	@Test
	void reservationsAreSpacedOneIntervalApartOnTheServersClock() {
		RedisRateLimiter limiter = limiter(10);
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			waits.add(limiter.reserveMicros().block(BLOCK));
		}
		// each reservation waits one interval (1/rate with the safety spacing: 105ms)
		// longer than the one before, less the time that passed between the two calls
		long interval = (long) (1_000_000 * RedisRateLimiter.SPACING / 10);
		for (int i = 1; i < waits.size(); i++) {
			long step = waits.get(i) - waits.get(i - 1);
			assertThat(step).isBetween(interval - 50_000L, interval);
		}
	}

	@Test
	void aRequestWhoseTimerFiresLateTakesANewSlotInsteadOfGoingOutLate() {
		AtomicLong now = new AtomicLong();
		AtomicInteger reads = new AtomicInteger();
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		// one request a second: Redis schedules on its own (real) clock, and slots a
		// second
		// apart stay ahead of it however slowly a loaded machine runs this test
		RedisRateLimiter limiter = new RedisRateLimiter(redis.template(), this.keys, 1,
				AdaptiveRateLimiter.DEFAULT_MAX_WAIT, this.state, new AdaptiveRateLimiter(1), timer, () -> {
					reads.incrementAndGet();
					return now.get();
				});
		long interval = (long) (1_000_000 * RedisRateLimiter.SPACING);
		long start = serverMicros();
		limiter.reserveMicros().block(BLOCK);
		AtomicBoolean acquired = new AtomicBoolean();
		limiter.acquire().subscribe(null, null, () -> acquired.set(true));
		// reserved (sent, received) and waiting on the timer for about one slot
		await().atMost(BLOCK).until(() -> reads.get() >= 5);
		now.addAndGet(Duration.ofSeconds(2).toNanos());
		timer.advanceTimeBy(Duration.ofSeconds(2));
		// the timer fired about a second late: a second reservation, then waiting again
		await().atMost(BLOCK).until(() -> reads.get() >= 9);
		assertThat(acquired).isFalse();
		timer.advanceTimeBy(Duration.ofSeconds(3));
		await().atMost(BLOCK).untilTrue(acquired);
		long next = Long.parseLong(redis.template().opsForValue().get(this.keys.key("rate-schedule")).block(BLOCK));
		assertThat(next - start).as("three slots taken").isGreaterThanOrEqualTo(3 * interval);
	}

	@Test
	void callersThatGiveUpLeaveTheirSharedSlotsToTheNextCall() {
		RedisRateLimiter limiter = limiter(20);
		// 400 callers reserve about 21 s of slots, then give up
		Flux.range(0, 400)
			.flatMap((i) -> limiter.acquire().timeout(Duration.ofMillis(300)).onErrorResume((ex) -> Mono.empty()))
			.blockLast(BLOCK);

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> limiter.reserveMicros().block(BLOCK) < 2_000_000);
	}

	@Test
	void aCallWhoseSharedSlotIsFurtherAwayThanTheMaxWaitFailsAtOnce() {
		RedisRateLimiter limiter = new RedisRateLimiter(redis.template(), this.keys, 1, Duration.ofSeconds(2),
				this.state, new AdaptiveRateLimiter(1));
		for (int i = 0; i < 3; i++) {
			limiter.reserveMicros().block(BLOCK);
		}

		StepVerifier.create(limiter.acquire())
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOfSatisfying(DingTalkThrottledException.class,
					(throttled) -> assertThat(throttled.isRefusedByRateLimiter()).isTrue()))
			.verify(BLOCK);
	}

	@Test
	void aScheduleLeftAheadByAClockStepCostsAtMostTheMaxWait() {
		RedisRateLimiter limiter = new RedisRateLimiter(redis.template(), this.keys, 20, Duration.ofSeconds(2),
				this.state, new AdaptiveRateLimiter(1));
		// as if Redis's clock stepped back an hour after the schedule was written
		redis.template()
			.opsForValue()
			.set(this.keys.key("rate-schedule"), String.valueOf(serverMicros() + 3_600_000_000L))
			.block(BLOCK);

		assertThat(limiter.reserveMicros().block(BLOCK)).isBetween(0L, 2_000_000L);
	}

	@Test
	void inAnOutageEachInstanceFallsBackToItsShareOfTheLastSharedRate() {
		ClusterState stateOfA = new ClusterState(Duration.ofMillis(500));
		RedisRateLimiter a = new RedisRateLimiter(redis.template(), this.keys, 20, AdaptiveRateLimiter.DEFAULT_MAX_WAIT,
				stateOfA, new AdaptiveRateLimiter(5));
		RedisRateLimiter b = new RedisRateLimiter(redis.template(), this.keys, 20, AdaptiveRateLimiter.DEFAULT_MAX_WAIT,
				new ClusterState(Duration.ofSeconds(5)), new AdaptiveRateLimiter(5));
		b.heartbeat().block(BLOCK);
		a.heartbeat().block(BLOCK);
		RedisContainers.pause(redis.container());
		try {
			a.acquire().block(BLOCK);

			assertThat(stateOfA.isDegraded()).isTrue();
			assertThat(a.currentRate()).as("half of 20, not the configured 5").isEqualTo(10.0);
		}
		finally {
			RedisContainers.unpause(redis.container());
			a.close();
		}
	}

	@Test
	void aShareIsAtLeastOneRequestASecond() {
		AdaptiveRateLimiter fallback = new AdaptiveRateLimiter(5);
		for (int i = 0; i < 29; i++) {
			limiter(20).heartbeat().block(BLOCK);
		}
		new RedisRateLimiter(redis.template(), this.keys, 20, AdaptiveRateLimiter.DEFAULT_MAX_WAIT, this.state,
				fallback)
			.heartbeat()
			.block(BLOCK);

		assertThat(fallback.currentRate()).isEqualTo(1.0);
	}

	private static long serverMicros() {
		@SuppressWarnings("rawtypes")
		List time = redis.template().execute(RedisScript.of("return redis.call('TIME')", List.class)).blockFirst(BLOCK);
		return Long.parseLong(String.valueOf(time.get(0))) * 1_000_000 + Long.parseLong(String.valueOf(time.get(1)));
	}

	@Test
	void aThrottlingAnswerHalvesTheSharedRateAtMostOnceASecond() {
		RedisRateLimiter limiter = limiter(20);
		assertThat(limiter.halve().block(BLOCK)).isEqualTo(10.0);
		assertThat(limiter.halve().block(BLOCK)).as("a second halving within the second").isEqualTo(10.0);
		RedisRateLimiter otherInstance = limiter(20);
		otherInstance.reserveMicros().block(BLOCK);
		assertThat(otherInstance.currentRate()).isEqualTo(10.0);
	}

	@Test
	void theSharedRateRecoversByOnePerSecondWithoutThrottling() throws Exception {
		RedisRateLimiter limiter = limiter(20);
		limiter.halve().block(BLOCK);
		Thread.sleep(2_100);
		limiter.reserveMicros().block(BLOCK);
		assertThat(limiter.currentRate()).isBetween(12.0, 20.0);
	}

	@Test
	void theRateNeverRecoversAboveTheConfiguredOne() throws Exception {
		RedisRateLimiter limiter = limiter(3);
		limiter.halve().block(BLOCK);
		Thread.sleep(2_100);
		limiter.reserveMicros().block(BLOCK);
		assertThat(limiter.currentRate()).isEqualTo(3.0);
	}

	@Test
	void aTokenIsRemovedOnlyIfItIsStillTheOneKept() {
		RedisSharedTokenStore store = new RedisSharedTokenStore(redis.template(), this.keys, this.state);
		store.write("new-token", Duration.ofHours(2)).block(BLOCK);
		assertThat(store.removeIf("stale-token").block(BLOCK)).isFalse();
		assertThat(store.read().map(StoredToken::value).block(BLOCK)).isEqualTo("new-token");
		assertThat(store.removeIf("new-token").block(BLOCK)).isTrue();
		assertThat(store.read().blockOptional(BLOCK)).isEmpty();
	}

	@Test
	void aKeptTokenComesWithTheTimeItHasLeft() {
		RedisSharedTokenStore store = new RedisSharedTokenStore(redis.template(), this.keys, this.state);
		store.write("token", Duration.ofMinutes(30)).block(BLOCK);
		assertThat(store.read().block(BLOCK).timeToLive()).isBetween(Duration.ofMinutes(29), Duration.ofMinutes(30));
	}

	@Test
	void theLockIsHeldByOneInstanceAndReleasedOnlyByIt() {
		RedisSharedTokenStore one = new RedisSharedTokenStore(redis.template(), this.keys, this.state);
		RedisSharedTokenStore other = new RedisSharedTokenStore(redis.template(), this.keys, this.state);
		assertThat(one.tryLock(Duration.ofSeconds(10)).block(BLOCK)).isTrue();
		assertThat(other.tryLock(Duration.ofSeconds(10)).block(BLOCK)).isFalse();
		other.unlock().block(BLOCK);
		assertThat(other.tryLock(Duration.ofSeconds(10)).block(BLOCK)).as("not released by another").isFalse();
		one.unlock().block(BLOCK);
		assertThat(other.tryLock(Duration.ofSeconds(10)).block(BLOCK)).isTrue();
	}

}
