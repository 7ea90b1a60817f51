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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps the token a {@link AccessTokenFetcher} fetched until shortly before it expires.
 * <ul>
 * <li>Concurrent callers share one fetch: a cold start of many calls makes one token
 * request.</li>
 * <li>From {@code refreshBeforeExpiry} before expiry on, the next caller starts a refresh
 * in the background and still gets the valid token at once: no caller waits while a valid
 * token exists.</li>
 * <li>A failed fetch is not kept as a result, but after one the next fetch waits a
 * second, doubling with each further failure up to 30 seconds; meanwhile callers without
 * a valid token get the last failure at once, so a broken token endpoint is not hammered.
 * Each caller gets its own copy of the failure (a {@code DingTalkException} of the same
 * type, with no attempts of its own), so callers never share, or grow, one exception
 * object.</li>
 * <li>DingTalk's {@code expireIn} is trusted between one minute and one day; a missing,
 * zero or absurd value is clamped to that range, and a refresh never starts before half
 * the lifetime has passed, so no value causes a refresh storm.</li>
 * </ul>
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CachingAccessTokenSupplier implements AccessTokenSupplier {

	static final Duration MIN_LIFETIME = Duration.ofMinutes(1);

	static final Duration MAX_LIFETIME = Duration.ofDays(1);

	static final Duration FIRST_FAILURE_BACKOFF = Duration.ofSeconds(1);

	static final Duration MAX_FAILURE_BACKOFF = Duration.ofSeconds(30);

	private static final Log logger = LogFactory.getLog(CachingAccessTokenSupplier.class);

	private final AccessTokenFetcher fetcher;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final AtomicReference<@Nullable Cached> current = new AtomicReference<>();

	private final AtomicReference<@Nullable Mono<Cached>> inFlight = new AtomicReference<>();

	private volatile @Nullable Failure lastFailure;

	/**
	 * Create a supplier.
	 * @param fetcher fetches new tokens
	 * @param refreshBeforeExpiry how long before expiry to refresh
	 * @param clock the clock token lifetimes are measured with
	 */
	public CachingAccessTokenSupplier(AccessTokenFetcher fetcher, Duration refreshBeforeExpiry, Clock clock) {
		if (refreshBeforeExpiry.isNegative()) {
			throw new IllegalArgumentException("refreshBeforeExpiry must not be negative");
		}
		this.fetcher = fetcher;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
	}

	@Override
	public Mono<String> getAccessToken() {
		return Mono.defer(() -> {
			Instant now = this.clock.instant();
			Cached cached = this.current.get();
			if (cached != null && now.isBefore(cached.expiresAt())) {
				if (!now.isBefore(cached.refreshAt())) {
					// starts a fetch unless one is running or the failure back-off holds;
					// nobody waits on it
					fetchShared(now);
				}
				return Mono.just(cached.value());
			}
			// Callers that waited for a fetch are released on a parallel thread, not all
			// on the one event loop that received the token: Reactor Netty keeps a
			// caller's next connections on the event loop it runs on, so a burst released
			// on one loop would stay on one core.
			return fetchShared(now).publishOn(Schedulers.parallel())
				.map(Cached::value)
				.onErrorMap(CachingAccessTokenSupplier::forCaller);
		});
	}

	@Override
	public void invalidate(String token) {
		Cached cached = this.current.get();
		if (cached != null && cached.value().equals(token) && this.current.compareAndSet(cached, null)) {
			logger.debug("Forgot the DingTalk access token that DingTalk rejected");
		}
		// bounded by the fetcher (a shared store times out); nothing waits for it
		this.fetcher.invalidate(token)
			.subscribe(null, (error) -> logger.debug("The token fetcher could not forget a rejected token", error));
	}

	/**
	 * How long until the cached token expires.
	 * @return the time left, zero when expired, or empty when no token is cached
	 */
	public Optional<Duration> timeToExpiry() {
		Cached cached = this.current.get();
		if (cached == null) {
			return Optional.empty();
		}
		Duration left = Duration.between(this.clock.instant(), cached.expiresAt());
		return Optional.of(left.isNegative() ? Duration.ZERO : left);
	}

	private Mono<Cached> fetchShared(Instant now) {
		while (true) {
			Mono<Cached> running = this.inFlight.get();
			if (running != null) {
				return running;
			}
			Failure failure = this.lastFailure;
			if (failure != null && now.isBefore(failure.notBefore())) {
				return Mono.error(failure.error());
			}
			Sinks.One<Cached> sink = Sinks.one();
			Mono<Cached> shared = sink.asMono();
			if (this.inFlight.compareAndSet(null, shared)) {
				start(sink, shared);
				return shared;
			}
		}
	}

	private void start(Sinks.One<Cached> sink, Mono<Cached> shared) {
		logger.debug("Fetching a DingTalk access token");
		Mono.defer(this.fetcher::fetch)
			.switchIfEmpty(Mono.error(() -> new DingTalkException("The token fetcher completed without a token")))
			.subscribe((token) -> {
				Cached cached = cache(token);
				this.current.set(cached);
				this.lastFailure = null;
				this.inFlight.compareAndSet(shared, null);
				sink.tryEmitValue(cached);
			}, (fetchError) -> {
				DingTalkException error = asDingTalkException(fetchError);
				Failure failure = nextFailure(error);
				this.lastFailure = failure;
				this.inFlight.compareAndSet(shared, null);
				logger.warn("Fetching a DingTalk access token failed (" + failure.count()
						+ " in a row); the next fetch waits until " + failure.notBefore() + ": " + error.getMessage());
				sink.tryEmitError(error);
			});
	}

	private Cached cache(AccessToken token) {
		Duration announced = token.expiresIn();
		Duration lifetime = clamp(announced);
		if (!lifetime.equals(announced)) {
			logger.warn("DingTalk announced an access token lifetime of " + announced + "; using " + lifetime);
		}
		Instant now = this.clock.instant();
		Duration lead = (this.refreshBeforeExpiry.compareTo(lifetime.dividedBy(2)) < 0) ? this.refreshBeforeExpiry
				: lifetime.dividedBy(2);
		Instant expiresAt = now.plus(lifetime);
		logger.debug("Fetched a DingTalk access token valid for " + lifetime);
		return new Cached(token.value(), expiresAt, expiresAt.minus(lead));
	}

	private static DingTalkException asDingTalkException(Throwable error) {
		return (error instanceof DingTalkException dingTalk) ? dingTalk
				: new DingTalkException("Fetching a DingTalk access token failed: " + error, error);
	}

	private static Throwable forCaller(Throwable error) {
		return (error instanceof DingTalkException dingTalk) ? dingTalk.withAttempts(0) : error;
	}

	private Failure nextFailure(DingTalkException error) {
		Failure previous = this.lastFailure;
		int count = (previous != null) ? previous.count() + 1 : 1;
		Duration backoff = FIRST_FAILURE_BACKOFF.multipliedBy(1L << Math.min(count - 1, 10));
		if (backoff.compareTo(MAX_FAILURE_BACKOFF) > 0) {
			backoff = MAX_FAILURE_BACKOFF;
		}
		return new Failure(error, this.clock.instant().plus(backoff), count);
	}

	static Duration clamp(@Nullable Duration announced) {
		if (announced == null || announced.compareTo(MIN_LIFETIME) < 0) {
			return MIN_LIFETIME;
		}
		return (announced.compareTo(MAX_LIFETIME) > 0) ? MAX_LIFETIME : announced;
	}

	@Override
	public String toString() {
		return "CachingAccessTokenSupplier[fetcher=" + this.fetcher + "]";
	}

	private record Cached(String value, Instant expiresAt, Instant refreshAt) {

		@Override
		public String toString() {
			return "Cached[value=******, expiresAt=" + this.expiresAt + "]";
		}

	}

	private record Failure(DingTalkException error, Instant notBefore, int count) {
	}

}
