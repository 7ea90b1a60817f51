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

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.auth.internal.SuiteTicketTracker;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The suite ticket in Redis, so that a ticket pushed to one instance serves all. Saving
 * keeps the ticket locally too; while Redis does not answer, this instance's own latest
 * ticket (or the configured one) serves, and saving still succeeds. A ticket saved while
 * Redis did not answer is written there once it answers again, unless Redis holds one
 * saved later (by the savers' clocks) meanwhile.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RedisSuiteTicketStore implements SuiteTicketTracker, RedisCheck {

	private static final Log logger = LogFactory.getLog(RedisSuiteTicketStore.class);

	/** Keeps the ticket unless the one kept was saved later; 1 when kept. */
	private static final RedisScript<Long> SAVE = LuaScripts.load("suite-ticket/save.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final List<String> keys;

	private final LocalSuiteTicketStore local;

	private final Clock clock;

	/** A ticket saved while Redis did not answer, not written there yet. */
	private final AtomicReference<Saved> unshared = new AtomicReference<>();

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the suite's keys
	 * @param state whether Redis answers
	 * @param local this instance's own store, with the configured ticket
	 */
	public RedisSuiteTicketStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state,
			LocalSuiteTicketStore local) {
		this(redis, keys, state, local, Clock.systemUTC());
	}

	RedisSuiteTicketStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state,
			LocalSuiteTicketStore local, Clock clock) {
		this.redis = redis;
		this.state = state;
		this.keys = List.of(keys.key("suite-ticket"), keys.key("suite-ticket-saved-at"));
		this.local = local;
		this.clock = clock;
		state.whenAnsweringAgain(() -> share().subscribe());
	}

	@Override
	public Mono<Void> save(String ticket) {
		return this.local.save(ticket).then(Mono.defer(() -> {
			this.unshared.set(new Saved(ticket, this.clock.millis()));
			return share();
		}));
	}

	@Override
	public Mono<String> latest() {
		return share().then(this.state.guard(this.redis.opsForValue().get(this.keys.get(0))))
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> Mono.empty())
			.switchIfEmpty(this.local.latest());
	}

	/**
	 * Write the ticket saved last, if it is not in Redis yet.
	 * @return a Mono that completes when written, or when Redis does not answer
	 */
	private Mono<Void> share() {
		return Mono.defer(() -> {
			Saved saved = this.unshared.get();
			if (saved == null) {
				return Mono.empty();
			}
			return this.state
				.guard(this.redis.execute(SAVE, this.keys, List.of(saved.ticket(), String.valueOf(saved.atMillis())))
					.next())
				.doOnNext((kept) -> {
					this.unshared.compareAndSet(saved, null);
					if (kept == 0) {
						logger.debug("Redis holds a suite ticket saved later than this instance's; keeping that one");
					}
				})
				.onErrorResume(ClusterUnavailableException.class, (unavailable) -> Mono.empty())
				.then();
		});
	}

	@Override
	public Mono<Void> check() {
		return this.state.guard(this.redis.opsForValue().get(this.keys.get(0))).then();
	}

	@Override
	public String toString() {
		return "RedisSuiteTicketStore[" + this.keys.get(0) + "]";
	}

	private record Saved(String ticket, long atMillis) {

		@Override
		public String toString() {
			return "Saved[ticket=******, atMillis=" + this.atMillis + "]";
		}

	}

}
