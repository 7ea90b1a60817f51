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
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.internal.DingTalkErrors;
import io.github.dingtalkboot.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CachingAccessTokenSupplier} with a clock the tests move and a fetcher they
 * control.
 */
class CachingAccessTokenSupplierTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final ScriptedFetcher fetcher = new ScriptedFetcher();

	private final CachingAccessTokenSupplier supplier = new CachingAccessTokenSupplier(this.fetcher,
			Duration.ofMinutes(5), this.clock);

	@Test
	void keepsTheTokenUntilShortlyBeforeItExpires() {
		this.fetcher.answer("t1", 7200);
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t1");
		this.clock.advance(Duration.ofMinutes(114));
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t1");
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
	}

	@Test
	void concurrentColdCallersShareOneFetch() {
		Sinks.One<AccessToken> pending = Sinks.one();
		this.fetcher.answers.add(pending.asMono());
		List<Mono<String>> callers = Flux.range(0, 200)
			.map((i) -> this.supplier.getAccessToken().cache())
			.collectList()
			.block(Duration.ofSeconds(30));
		callers.forEach(Mono::subscribe);
		pending.tryEmitValue(new AccessToken("t1", Duration.ofSeconds(7200)));
		assertThat(Flux.merge(callers).collectList().block(Duration.ofSeconds(30))).hasSize(200).containsOnly("t1");
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
	}

	@Test
	void refreshesAheadInTheBackgroundWhileTheOldTokenIsStillHandedOut() {
		this.fetcher.answer("t1", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		Sinks.One<AccessToken> refresh = Sinks.one();
		this.fetcher.answers.add(refresh.asMono());
		this.clock.advance(Duration.ofMinutes(116));
		StepVerifier.create(this.supplier.getAccessToken()).expectNext("t1").verifyComplete();
		StepVerifier.create(this.supplier.getAccessToken()).expectNext("t1").verifyComplete();
		assertThat(this.fetcher.calls.get()).isEqualTo(2);
		refresh.tryEmitValue(new AccessToken("t2", Duration.ofSeconds(7200)));
		StepVerifier.create(this.supplier.getAccessToken()).expectNext("t2").verifyComplete();
		assertThat(this.fetcher.calls.get()).isEqualTo(2);
	}

	@Test
	void anExpiredTokenIsNeverHandedOut() {
		this.fetcher.answer("t1", 7200);
		this.fetcher.answer("t2", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		this.clock.advance(Duration.ofHours(2));
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t2");
	}

	@Test
	void invalidateForgetsTheCurrentTokenSoTheNextCallFetches() {
		this.fetcher.answer("t1", 7200);
		this.fetcher.answer("t2", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		this.supplier.invalidate("t1");
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t2");
	}

	@Test
	void invalidatingAnOlderTokenKeepsTheCurrentOne() {
		this.fetcher.answer("t1", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		this.supplier.invalidate("t0");
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t1");
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
	}

	@Test
	void aFailedFetchIsNotCachedOnceTheBackoffHasPassed() {
		this.fetcher.fail(503);
		this.fetcher.answer("t1", 7200);
		StepVerifier.create(this.supplier.getAccessToken()).expectError().verify();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.supplier.getAccessToken().block(Duration.ofSeconds(30))).isEqualTo("t1");
	}

	@Test
	void failingFetchesInATightLoopDoNotHammerTheTokenEndpoint() {
		for (int i = 0; i < 10; i++) {
			this.fetcher.fail(503);
		}
		for (int i = 0; i < 100; i++) {
			StepVerifier.create(this.supplier.getAccessToken()).expectError().verify();
		}
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		StepVerifier.create(this.supplier.getAccessToken()).expectError().verify();
		this.clock.advance(Duration.ofSeconds(1));
		StepVerifier.create(this.supplier.getAccessToken()).expectError().verify();
		assertThat(this.fetcher.calls.get()).as("second failure doubles the wait to 2s").isEqualTo(2);
	}

	@Test
	void eachCallerDuringACoolDownGetsAnExceptionOfItsOwn() {
		this.fetcher.fail(401);
		Throwable first = catchFailure();
		Throwable second = catchFailure();
		assertThat(first).isNotSameAs(second).isExactlyInstanceOf(DingTalkAuthenticationException.class);
		assertThat(second).isExactlyInstanceOf(DingTalkAuthenticationException.class).hasMessage(first.getMessage());
		assertThat(((DingTalkException) second).getAttempts()).as("the caller itself sent nothing").isZero();
	}

	@Test
	void callersWaitingForOneFailingFetchEachGetAnExceptionOfTheirOwn() {
		Sinks.One<AccessToken> pending = Sinks.one();
		this.fetcher.answers.add(pending.asMono());
		List<Mono<String>> callers = Flux.range(0, 5)
			.map((i) -> this.supplier.getAccessToken().cache())
			.collectList()
			.block(Duration.ofSeconds(30));
		callers.forEach((caller) -> caller.subscribe(null, (ex) -> {
		}));
		pending.tryEmitError(DingTalkErrors.toException(new DingTalkError(503, "systemError", "down", "r", null)));
		List<Throwable> failures = callers.stream().map(CachingAccessTokenSupplierTests::failureOf).toList();
		assertThat(failures).hasSize(5)
			.doesNotHaveDuplicates()
			.allSatisfy((ex) -> assertThat(ex).isInstanceOf(DingTalkServerException.class));
	}

	@Test
	void callersBlockingInATightLoopDuringACoolDownKeepMemoryFlat() throws Exception {
		// the way it broke: every block() added a suppressed exception to one shared
		// exception
		this.fetcher.fail(503);
		Throwable first = catchFailure();
		long before = usedHeapAfterGc();
		ExecutorService callers = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> loops = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				loops.add(callers.submit(() -> {
					for (int call = 0; call < 25_000; call++) {
						catchFailure();
					}
				}));
			}
			for (Future<?> loop : loops) {
				loop.get(2, TimeUnit.MINUTES);
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(first.getSuppressed()).as("what the first caller holds grew no further").hasSizeLessThanOrEqualTo(1);
		// 200,000 retained failures took about 156 MB; a flat heap stays far below this
		// margin
		assertThat(usedHeapAfterGc() - before).isLessThan(32L * 1024 * 1024);
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
	}

	@Test
	void aFetcherThatCompletesEmptyFailsWithADingTalkException() {
		this.fetcher.answers.add(Mono.empty());
		assertThat(catchFailure()).isExactlyInstanceOf(DingTalkException.class)
			.hasMessageContaining("completed without a token");
	}

	@Test
	void aFetcherThatFailsWithAnotherExceptionFailsWithADingTalkExceptionCausedByIt() {
		IllegalStateException broken = new IllegalStateException("broken fetcher");
		this.fetcher.answers.add(Mono.error(broken));
		assertThat(catchFailure()).isExactlyInstanceOf(DingTalkException.class).hasRootCause(broken);
	}

	private Throwable catchFailure() {
		return failureOf(this.supplier.getAccessToken());
	}

	private static Throwable failureOf(Mono<String> call) {
		try {
			call.block(Duration.ofSeconds(30));
		}
		catch (RuntimeException ex) {
			return ex;
		}
		throw new AssertionError("expected the token supplier to fail");
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(50);
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -5, 1 })
	void tinyOrZeroLifetimesDoNotCauseARefreshStorm(long expireIn) {
		this.fetcher.answer("t1", expireIn);
		for (int i = 0; i < 50; i++) {
			this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		}
		assertThat(this.fetcher.calls.get()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(29));
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		assertThat(this.fetcher.calls.get()).as("refresh starts at half the one-minute floor").isEqualTo(1);
	}

	@Test
	void aMissingLifetimeIsTreatedAsTheOneMinuteFloor() {
		this.fetcher.answers.add(Mono.just(new AccessToken("t1", null)));
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		assertThat(this.supplier.timeToExpiry()).contains(Duration.ofMinutes(1));
	}

	@Test
	void anAbsurdLifetimeIsCappedAtOneDay() {
		this.fetcher.answer("t1", 10L * 365 * 24 * 3600);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		assertThat(this.supplier.timeToExpiry()).contains(Duration.ofDays(1));
	}

	@Test
	void timeToExpiryCountsDown() {
		assertThat(this.supplier.timeToExpiry()).isEmpty();
		this.fetcher.answer("t1", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		this.clock.advance(Duration.ofMinutes(20));
		assertThat(this.supplier.timeToExpiry()).contains(Duration.ofMinutes(100));
	}

	@Test
	void toStringNeverShowsTheToken() {
		this.fetcher.answer("super-secret", 7200);
		this.supplier.getAccessToken().block(Duration.ofSeconds(30));
		assertThat(this.supplier.toString()).doesNotContain("super-secret");
		assertThat(new AccessToken("super-secret", null).toString()).doesNotContain("super-secret");
	}

	private static final class ScriptedFetcher implements AccessTokenFetcher {

		final AtomicInteger calls = new AtomicInteger();

		final List<Mono<AccessToken>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();

		void answer(String token, long expireIn) {
			this.answers.add(Mono.just(new AccessToken(token, Duration.ofSeconds(expireIn))));
		}

		void fail(int status) {
			this.answers.add(Mono
				.error(DingTalkErrors.toException(new DingTalkError(status, "systemError", "down", "r", null))));
		}

		@Override
		public Mono<AccessToken> fetch() {
			return this.answers.get(this.calls.getAndIncrement());
		}

	}

}
