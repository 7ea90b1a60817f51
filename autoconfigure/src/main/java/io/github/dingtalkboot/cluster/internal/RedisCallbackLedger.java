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
import java.util.List;

import io.github.dingtalkboot.callback.internal.CallbackLedger;
import io.github.dingtalkboot.callback.internal.LocalCallbackLedger;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The callback's ledger in Redis, so that a push replayed to another instance, or an
 * event DingTalk pushes again to another instance, is seen there too. While Redis does
 * not answer, this instance's own ledger stands in: pushes are still handled (a suite
 * ticket DingTalk pushes replaces the previous one, so refusing it would cost more than a
 * replay seen by one instance only).
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RedisCallbackLedger implements CallbackLedger {

	/** The event's state, set to pending (for ARGV[1] ms) when it had none. */
	private static final RedisScript<String> BEGIN = LuaScripts.load("callback/begin.lua", String.class);

	/** Forgets the event only while pending: a done one stays done. */
	private static final RedisScript<Long> ABANDON = LuaScripts.load("callback/abandon.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final RedisKeys keys;

	private final ClusterState state;

	private final CallbackLedger local = new LocalCallbackLedger();

	/**
	 * Create a ledger.
	 * @param redis the template to reach Redis with
	 * @param keys the keys of the application's callback
	 * @param state whether Redis answers
	 */
	public RedisCallbackLedger(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state) {
		this.redis = redis;
		this.keys = keys;
		this.state = state;
	}

	@Override
	public Mono<Boolean> firstSighting(String nonce, Duration window) {
		return this.state.guard(this.redis.opsForValue().setIfAbsent(nonceKey(nonce), "1", window))
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.local.firstSighting(nonce, window));
	}

	@Override
	public Mono<Void> forgetNonce(String nonce) {
		return this.state.guard(this.redis.delete(nonceKey(nonce)))
			.then()
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.local.forgetNonce(nonce));
	}

	@Override
	public Mono<EventState> begin(String eventId, Duration bound) {
		return this.state
			.guard(this.redis.execute(BEGIN, List.of(eventKey(eventId)), List.of(String.valueOf(bound.toMillis())))
				.next())
			.map((found) -> switch (found) {
				case "new" -> EventState.NEW;
				case "done" -> EventState.DONE;
				default -> EventState.IN_PROGRESS;
			})
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.local.begin(eventId, bound));
	}

	@Override
	public Mono<Void> done(String eventId, Duration keep) {
		return this.state.guard(this.redis.opsForValue().set(eventKey(eventId), "done", keep))
			.then()
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.local.done(eventId, keep));
	}

	@Override
	public Mono<Void> abandon(String eventId) {
		return this.state.guard(this.redis.execute(ABANDON, List.of(eventKey(eventId))).then())
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> this.local.abandon(eventId));
	}

	private String nonceKey(String nonce) {
		return this.keys.key("callback-nonce:" + nonce);
	}

	private String eventKey(String eventId) {
		return this.keys.key("callback-event:" + eventId);
	}

	@Override
	public String toString() {
		return "RedisCallbackLedger[" + this.keys.key("callback-*") + "]";
	}

}
