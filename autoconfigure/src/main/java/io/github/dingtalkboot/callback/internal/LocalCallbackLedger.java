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

package io.github.dingtalkboot.callback.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import reactor.core.publisher.Mono;

/**
 * The ledger of one instance: entries expire on their own; only verified pushes add any,
 * and at most {@value #MAX_ENTRIES} are kept.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class LocalCallbackLedger implements CallbackLedger {

	private static final int MAX_ENTRIES = 100_000;

	private final ConcurrentMap<String, Entry> entries;

	/**
	 * Create a ledger on the system's clock.
	 */
	public LocalCallbackLedger() {
		this(Ticker.systemTicker());
	}

	LocalCallbackLedger(Ticker ticker) {
		Cache<String, Entry> cache = Caffeine.newBuilder()
			.maximumSize(MAX_ENTRIES)
			.ticker(ticker)
			.expireAfter(Expiry.writing((String key, Entry entry) -> entry.ttl()))
			.build();
		this.entries = cache.asMap();
	}

	@Override
	public Mono<Boolean> firstSighting(String nonce, Duration window) {
		return Mono.fromSupplier(() -> this.entries.putIfAbsent("nonce:" + nonce, new Entry(false, window)) == null);
	}

	@Override
	public Mono<Void> forgetNonce(String nonce) {
		return Mono.fromRunnable(() -> this.entries.remove("nonce:" + nonce));
	}

	@Override
	public Mono<EventState> begin(String eventId, Duration bound) {
		return Mono.fromSupplier(() -> {
			Entry seen = this.entries.putIfAbsent("event:" + eventId, new Entry(false, bound));
			if (seen == null) {
				return EventState.NEW;
			}
			return seen.done() ? EventState.DONE : EventState.IN_PROGRESS;
		});
	}

	@Override
	public Mono<Void> done(String eventId, Duration keep) {
		return Mono.fromRunnable(() -> this.entries.put("event:" + eventId, new Entry(true, keep)));
	}

	@Override
	public Mono<Void> abandon(String eventId) {
		return Mono.fromRunnable(() -> this.entries.remove("event:" + eventId));
	}

	private record Entry(boolean done, Duration ttl) {

	}

}
