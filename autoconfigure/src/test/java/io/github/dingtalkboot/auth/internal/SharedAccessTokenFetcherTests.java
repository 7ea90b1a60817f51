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

package io.github.dingtalkboot.auth.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.core.DingTalkException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SharedAccessTokenFetcher} over an in-memory store: when it takes the kept token,
 * when it fetches, and that the store's failures never become the caller's.
 */
class SharedAccessTokenFetcherTests {

	private static final Duration REFRESH = Duration.ofMinutes(5);

	private final MemoryStore store = new MemoryStore();

	private final AtomicInteger fetches = new AtomicInteger();

	private final AccessTokenFetcher dingtalk = () -> Mono
		.fromSupplier(() -> new AccessToken("fetched-" + this.fetches.incrementAndGet(), Duration.ofHours(2)));

	private SharedAccessTokenFetcher fetcher() {
		return new SharedAccessTokenFetcher(this.store, this.dingtalk, REFRESH);
	}

	@Test
	void aUsableKeptTokenIsTakenWithoutAskingDingTalk() {
		this.store.token = new SharedTokenStore.StoredToken("kept", Duration.ofHours(1));
		StepVerifier.create(fetcher().fetch())
			.assertNext((token) -> assertThat(token.value()).isEqualTo("kept"))
			.verifyComplete();
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void aKeptTokenDueForRefreshIsFetchedAnewAndKept() {
		this.store.token = new SharedTokenStore.StoredToken("old", REFRESH);
		StepVerifier.create(fetcher().fetch())
			.assertNext((token) -> assertThat(token.value()).isEqualTo("fetched-1"))
			.verifyComplete();
		assertThat(this.store.token.value()).isEqualTo("fetched-1");
		assertThat(this.store.isLocked().block()).as("the lock is released").isFalse();
	}

	@Test
	void whileAnotherInstanceHoldsTheLockItsTokenIsAwaited() {
		this.store.locked = true;
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		SharedAccessTokenFetcher fetcher = new SharedAccessTokenFetcher(this.store, this.dingtalk, REFRESH, timer);
		StepVerifier.withVirtualTime(fetcher::fetch, () -> timer, Long.MAX_VALUE)
			.expectSubscription()
			.then(() -> timer.advanceTimeBy(Duration.ofMillis(300)))
			.then(() -> this.store.token = new SharedTokenStore.StoredToken("from-other", Duration.ofHours(2)))
			.then(() -> timer.advanceTimeBy(Duration.ofMillis(200)))
			.assertNext((token) -> assertThat(token.value()).isEqualTo("from-other"))
			.verifyComplete();
		assertThat(this.fetches).hasValue(0);
	}

	@Test
	void whileTheLockIsHeldThisOneWaitsUpToTheBoundThenFetchesItself() {
		this.store.locked = true;
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		SharedAccessTokenFetcher fetcher = new SharedAccessTokenFetcher(this.store, this.dingtalk, REFRESH, timer);
		StepVerifier.withVirtualTime(fetcher::fetch, () -> timer, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(SharedAccessTokenFetcher.MAX_WAIT.minusMillis(100))
			.thenAwait(Duration.ofMillis(200))
			.assertNext((token) -> assertThat(token.value()).isEqualTo("fetched-1"))
			.verifyComplete();
	}

	@Test
	void aFetchThatOutlastsTheLocksLifeKeepsTheLockSoTheOthersTakeItsToken() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		this.store.clock = () -> timer.now(TimeUnit.NANOSECONDS);
		AccessTokenFetcher slowDingTalk = () -> Mono.delay(Duration.ofSeconds(31), timer)
			.then(Mono
				.fromSupplier(() -> new AccessToken("slow-" + this.fetches.incrementAndGet(), Duration.ofHours(2))));
		SharedAccessTokenFetcher first = new SharedAccessTokenFetcher(this.store, slowDingTalk, REFRESH, timer);
		SharedAccessTokenFetcher second = new SharedAccessTokenFetcher(this.store, slowDingTalk, REFRESH, timer);
		List<String> tokens = new CopyOnWriteArrayList<>();

		first.fetch().subscribe((token) -> tokens.add(token.value()));
		timer.advanceTimeBy(Duration.ofSeconds(1));
		second.fetch().subscribe((token) -> tokens.add(token.value()));
		timer.advanceTimeBy(Duration.ofSeconds(20));
		assertThat(this.store.isLocked().block()).as("locked while the first fetch runs").isTrue();
		timer.advanceTimeBy(Duration.ofSeconds(15));

		assertThat(tokens).containsExactly("slow-1", "slow-1");
		assertThat(this.fetches).as("token requests to DingTalk").hasValue(1);
	}

	@Test
	void whenTheHolderGivesUpWithoutATokenAWaiterTakesTheLockAndFetches() {
		VirtualTimeScheduler timer = VirtualTimeScheduler.create();
		this.store.locked = true;
		SharedAccessTokenFetcher fetcher = new SharedAccessTokenFetcher(this.store, this.dingtalk, REFRESH, timer);
		StepVerifier.withVirtualTime(fetcher::fetch, () -> timer, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(5))
			.then(() -> this.store.locked = false)
			.thenAwait(Duration.ofMillis(200))
			.assertNext((token) -> assertThat(token.value()).isEqualTo("fetched-1"))
			.verifyComplete();
		assertThat(this.store.token.value()).as("shared with the others").isEqualTo("fetched-1");
	}

	@Test
	void aStoreThatFailsIsBypassed() {
		this.store.failing = true;
		StepVerifier.create(fetcher().fetch())
			.assertNext((token) -> assertThat(token.value()).isEqualTo("fetched-1"))
			.verifyComplete();
	}

	@Test
	void dingTalksFailureReachesTheCallerAndReleasesTheLock() {
		SharedAccessTokenFetcher fetcher = new SharedAccessTokenFetcher(this.store,
				() -> Mono.error(new DingTalkException("refused")), REFRESH);
		StepVerifier.create(fetcher.fetch()).expectErrorMessage("refused").verify();
		assertThat(this.store.isLocked().block()).isFalse();
	}

	@Test
	void aRejectedTokenIsNeverTakenFromTheStoreAgain() {
		this.store.token = new SharedTokenStore.StoredToken("rejected", Duration.ofHours(1));
		this.store.removalFails = true;
		SharedAccessTokenFetcher fetcher = fetcher();
		StepVerifier.create(fetcher.invalidate("rejected")).verifyComplete();
		StepVerifier.create(fetcher.fetch())
			.assertNext((token) -> assertThat(token.value()).isEqualTo("fetched-1"))
			.verifyComplete();
	}

	@Test
	void invalidatingRemovesTheKeptTokenOnlyIfItIsTheRejectedOne() {
		this.store.token = new SharedTokenStore.StoredToken("newer", Duration.ofHours(1));
		StepVerifier.create(fetcher().invalidate("older")).verifyComplete();
		assertThat(this.store.token).isNotNull();
		StepVerifier.create(fetcher().invalidate("newer")).verifyComplete();
		assertThat(this.store.token).isNull();
	}

	static final class MemoryStore implements SharedTokenStore {

		volatile @Nullable StoredToken token;

		volatile boolean locked;

		volatile boolean failing;

		volatile boolean removalFails;

		/** The clock of the lock's time to live. */
		volatile LongSupplier clock = System::nanoTime;

		/** Until when the fetcher under test holds the lock; the lock is free before. */
		private volatile long lockedUntil;

		private volatile boolean held;

		private <T> Mono<T> op(Mono<T> operation) {
			return this.failing ? Mono.error(new IllegalStateException("store down")) : operation;
		}

		private boolean heldNow() {
			return this.held && this.clock.getAsLong() - this.lockedUntil < 0;
		}

		@Override
		public Mono<StoredToken> read() {
			return op(Mono.fromSupplier(() -> this.token));
		}

		@Override
		public Mono<Void> write(String token, Duration timeToLive) {
			return op(Mono.fromRunnable(() -> this.token = new StoredToken(token, timeToLive)));
		}

		@Override
		public Mono<Boolean> tryLock(Duration timeToLive) {
			return op(Mono.fromSupplier(() -> {
				synchronized (this) {
					if (this.locked || heldNow()) {
						return false;
					}
					this.held = true;
					this.lockedUntil = this.clock.getAsLong() + timeToLive.toNanos();
					return true;
				}
			}));
		}

		@Override
		public Mono<Boolean> renewLock(Duration timeToLive) {
			return op(Mono.fromSupplier(() -> {
				synchronized (this) {
					if (!heldNow()) {
						return false;
					}
					this.lockedUntil = this.clock.getAsLong() + timeToLive.toNanos();
					return true;
				}
			}));
		}

		@Override
		public Mono<Boolean> isLocked() {
			return op(Mono.fromSupplier(() -> this.locked || heldNow()));
		}

		@Override
		public Mono<Void> unlock() {
			return op(Mono.fromRunnable(() -> this.held = false));
		}

		@Override
		public Mono<Boolean> removeIf(String token) {
			if (this.removalFails) {
				return Mono.error(new IllegalStateException("store down"));
			}
			return op(Mono.fromSupplier(() -> {
				StoredToken kept = this.token;
				if (kept != null && kept.value().equals(token)) {
					this.token = null;
					return true;
				}
				return false;
			}));
		}

	}

}
