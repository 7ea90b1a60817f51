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
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * One {@link CachingAccessTokenSupplier} per corp, so that each corp has what the single
 * token cache gives (refresh ahead, one fetch for any number of concurrent callers, a
 * back-off after failures), in a cache of bounded size: Caffeine's, which evicts by
 * recency and frequency, rather than one of our own. A corp whose authorisation was
 * withdrawn ({@code invalidAuthInfo}) loses its token, and its calls fail at once with
 * that refusal for the failure back-off's longest wait before its token is asked for
 * again; no other corp is affected.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CachingCorpAccessTokenSupplier implements CorpAccessTokenSupplier {

	private static final Log logger = LogFactory.getLog(CachingCorpAccessTokenSupplier.class);

	private final Function<String, AccessTokenFetcher> fetchers;

	private final Duration refreshBeforeExpiry;

	private final Clock clock;

	private final Cache<String, CachingAccessTokenSupplier> corps;

	private final Cache<String, DingTalkAuthenticationException> withdrawn;

	/**
	 * Create a supplier.
	 * @param fetchers the fetcher of each corp's tokens
	 * @param maxSize how many corps' tokens are kept at most
	 * @param refreshBeforeExpiry how long before expiry to refresh a token
	 * @param clock the clock token lifetimes are measured with
	 */
	public CachingCorpAccessTokenSupplier(Function<String, AccessTokenFetcher> fetchers, int maxSize,
			Duration refreshBeforeExpiry, Clock clock) {
		if (maxSize < 1) {
			throw new IllegalArgumentException("maxSize must be at least 1");
		}
		this.fetchers = fetchers;
		this.refreshBeforeExpiry = refreshBeforeExpiry;
		this.clock = clock;
		// eviction runs on the caller's thread, so the bound holds when a call returns
		this.corps = Caffeine.newBuilder().maximumSize(maxSize).executor(Runnable::run).build();
		this.withdrawn = Caffeine.newBuilder()
			.maximumSize(maxSize)
			.expireAfterWrite(CachingAccessTokenSupplier.MAX_FAILURE_BACKOFF)
			.ticker(() -> clock.millis() * 1_000_000)
			.executor(Runnable::run)
			.build();
	}

	@Override
	public Mono<String> getAccessToken(String corpId) {
		return Mono.defer(() -> {
			IllegalArgumentException invalid = CorpIds.problem(corpId);
			if (invalid != null) {
				return Mono.error(invalid);
			}
			DingTalkAuthenticationException refusal = this.withdrawn.getIfPresent(corpId);
			if (refusal != null) {
				return Mono.error(refusal.withAttempts(0));
			}
			CachingAccessTokenSupplier tokens = this.corps.get(corpId,
					(id) -> new CachingAccessTokenSupplier(this.fetchers.apply(id), this.refreshBeforeExpiry,
							this.clock));
			return tokens.getAccessToken()
				.doOnError(DingTalkAuthenticationException.class, (ex) -> refused(corpId, tokens, ex));
		});
	}

	private void refused(String corpId, CachingAccessTokenSupplier tokens, DingTalkAuthenticationException ex) {
		if (DingTalkErrorCodes.AUTHORIZATION_WITHDRAWN.equals(ex.getErrorCode())
				&& this.corps.asMap().remove(corpId, tokens)) {
			logger.warn("DingTalk refuses corp " + corpId + " a token (" + ex.getErrorCode()
					+ "): its authorisation was withdrawn; its calls fail for "
					+ CachingAccessTokenSupplier.MAX_FAILURE_BACKOFF + ", then its token is asked for again");
			this.withdrawn.put(corpId, ex);
		}
	}

	@Override
	public Mono<Void> invalidate(String corpId, String token) {
		return Mono.fromRunnable(() -> {
			CachingAccessTokenSupplier tokens = this.corps.getIfPresent(corpId);
			if (tokens != null) {
				tokens.invalidate(token);
			}
		});
	}

	@Override
	public void forgetCorp(String corpId) {
		this.corps.invalidate(corpId);
		this.withdrawn.invalidate(corpId);
	}

	/**
	 * How many corps' tokens are kept now.
	 * @return the count
	 */
	public long cachedCorps() {
		return this.corps.estimatedSize();
	}

	/**
	 * How long until the first of the kept tokens expires.
	 * @return the shortest time left, or empty when no token is kept
	 */
	public Optional<Duration> timeToFirstExpiry() {
		return this.corps.asMap()
			.values()
			.stream()
			.map(CachingAccessTokenSupplier::timeToExpiry)
			.flatMap(Optional::stream)
			.min(Duration::compareTo);
	}

	@Override
	public String toString() {
		return "CachingCorpAccessTokenSupplier[corps=" + this.corps.estimatedSize() + "]";
	}

}
