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
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Shares one access token between the instances of an application through a
 * {@link SharedTokenStore}, behind each instance's own cache. A usable token in the store
 * is taken as it is; otherwise one instance fetches from DingTalk under the store's lock
 * and keeps the result there, while the others wait for it. The fetching instance renews
 * the lock for as long as its fetch takes (retries against a slow DingTalk take half a
 * minute), so the others go on waiting instead of fetching too; the lock expires soon
 * after its holder dies. A waiter whose lock holder gave up without a token takes the
 * lock itself, and one that has waited {@link #MAX_WAIT} fetches for itself (DingTalk
 * hands back the same token while it is valid, so that is only wasteful). When the store
 * cannot be reached, every instance fetches for itself.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class SharedAccessTokenFetcher implements AccessTokenFetcher {

	private static final Log logger = LogFactory.getLog(SharedAccessTokenFetcher.class);

	/** How long the lock outlives a holder that stopped renewing it (it died). */
	static final Duration LOCK_TIME_TO_LIVE = Duration.ofSeconds(10);

	static final Duration LOCK_RENEWAL = LOCK_TIME_TO_LIVE.dividedBy(3);

	/** The longest a waiter waits for another instance's token: longer than any fetch. */
	static final Duration MAX_WAIT = Duration.ofMinutes(1);

	static final Duration WAIT_STEP = Duration.ofMillis(100);

	private final SharedTokenStore store;

	private final AccessTokenFetcher delegate;

	private final Duration minTimeToLive;

	private final Scheduler timer;

	private volatile @Nullable String rejected;

	/**
	 * Create a fetcher.
	 * @param store where the instances keep the token
	 * @param delegate fetches from DingTalk
	 * @param refreshBeforeExpiry how long before expiry the caches refresh: a kept token
	 * with less time left (plus a minute) is fetched anew
	 */
	public SharedAccessTokenFetcher(SharedTokenStore store, AccessTokenFetcher delegate, Duration refreshBeforeExpiry) {
		this(store, delegate, refreshBeforeExpiry, Schedulers.parallel());
	}

	SharedAccessTokenFetcher(SharedTokenStore store, AccessTokenFetcher delegate, Duration refreshBeforeExpiry,
			Scheduler timer) {
		this.store = store;
		this.delegate = delegate;
		this.minTimeToLive = refreshBeforeExpiry.plus(CachingAccessTokenSupplier.MIN_LIFETIME);
		this.timer = timer;
	}

	@Override
	public Mono<AccessToken> fetch() {
		return readUsable().switchIfEmpty(Mono.defer(this::fetchOnce))
			.onErrorResume(StoreUnavailable.class, (unavailable) -> this.delegate.fetch());
	}

	private Mono<AccessToken> fetchOnce() {
		return Mono.defer(() -> lockOrWait(this.timer.now(TimeUnit.NANOSECONDS) + MAX_WAIT.toNanos()));
	}

	private Mono<AccessToken> lockOrWait(long deadline) {
		return store(this.store.tryLock(LOCK_TIME_TO_LIVE))
			.flatMap((locked) -> locked ? fetchAndShare() : waitForOthers(deadline));
	}

	private Mono<AccessToken> fetchAndShare() {
		return Mono.defer(() -> {
			Disposable renewal = Flux.interval(LOCK_RENEWAL, LOCK_RENEWAL, this.timer)
				.concatMap((tick) -> this.store.renewLock(LOCK_TIME_TO_LIVE).onErrorResume((error) -> Mono.empty()))
				.subscribe();
			return this.delegate.fetch()
				.doFinally((signal) -> renewal.dispose())
				.flatMap((token) -> share(token).thenReturn(token))
				.flatMap((token) -> unlock().thenReturn(token))
				.onErrorResume((error) -> unlock().then(Mono.error(error)));
		});
	}

	private Mono<Void> share(AccessToken token) {
		Duration timeToLive = token.expiresIn();
		if (timeToLive == null || timeToLive.compareTo(this.minTimeToLive) <= 0) {
			return Mono.empty();
		}
		if (token.value().equals(this.rejected)) {
			this.rejected = null;
		}
		return quietly(this.store.write(token.value(), timeToLive));
	}

	private Mono<Void> unlock() {
		return quietly(this.store.unlock());
	}

	private Mono<AccessToken> waitForOthers(long deadline) {
		return Mono.delay(WAIT_STEP, this.timer).then(readUsable()).switchIfEmpty(Mono.defer(() -> {
			if (this.timer.now(TimeUnit.NANOSECONDS) - deadline >= 0) {
				logger.debug("No other instance shared a token within " + MAX_WAIT + "; fetching one");
				return this.delegate.fetch();
			}
			// the holder may have given up without a token: then this one fetches
			return store(this.store.isLocked())
				.flatMap((locked) -> locked ? waitForOthers(deadline) : lockOrWait(deadline));
		}));
	}

	private Mono<AccessToken> readUsable() {
		return store(this.store.read())
			.filter((stored) -> stored.timeToLive().compareTo(this.minTimeToLive) > 0
					&& !stored.value().equals(this.rejected))
			.map((stored) -> new AccessToken(stored.value(), stored.timeToLive()));
	}

	@Override
	public Mono<Void> invalidate(String token) {
		// set now, not on subscription: the retry with a fresh token may read the store
		// before the removal below is done
		this.rejected = token;
		return quietly(this.store.removeIf(token).then());
	}

	private static <T> Mono<T> store(Mono<T> operation) {
		return operation.onErrorMap((error) -> !(error instanceof StoreUnavailable), StoreUnavailable::new);
	}

	private static Mono<Void> quietly(Mono<Void> operation) {
		return operation.onErrorResume((error) -> {
			logger.debug("The shared token store failed; going on without it", error);
			return Mono.empty();
		});
	}

	@Override
	public String toString() {
		return "SharedAccessTokenFetcher[" + this.delegate + "]";
	}

	/**
	 * The store failed; tells its failures apart from DingTalk's.
	 */
	private static final class StoreUnavailable extends RuntimeException {

		StoreUnavailable(Throwable cause) {
			super(cause.getMessage(), cause, false, false);
		}

	}

}
