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
import java.util.UUID;

import io.github.dingtalkboot.auth.internal.SharedTokenStore;
import reactor.core.publisher.Mono;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shared access token in Redis: one string entry per credential that expires with the
 * token, and a lock entry holding this instance's id while it fetches, which expires
 * unless its holder renews it.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RedisSharedTokenStore implements SharedTokenStore, RedisCheck {

	private static final RedisScript<List<Object>> READ = LuaScripts.list("token/read.lua");

	private static final RedisScript<Long> DELETE_IF_EQUAL = LuaScripts.load("token/delete-if-equal.lua", Long.class);

	private static final RedisScript<Long> EXTEND_IF_EQUAL = LuaScripts.load("token/extend-if-equal.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final String tokenKey;

	private final String lockKey;

	private final String instanceId = UUID.randomUUID().toString();

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the credential's keys
	 * @param state whether Redis answers
	 */
	public RedisSharedTokenStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state) {
		this.redis = redis;
		this.state = state;
		this.tokenKey = keys.key("token");
		this.lockKey = keys.key("token-lock");
	}

	@Override
	public Mono<StoredToken> read() {
		return this.state.guard(this.redis.execute(READ, List.of(this.tokenKey)).next()).flatMap((entry) -> {
			if (entry.size() < 2) {
				return Mono.empty();
			}
			long millis = ((Number) entry.get(1)).longValue();
			return (millis > 0) ? Mono.just(new StoredToken(String.valueOf(entry.get(0)), Duration.ofMillis(millis)))
					: Mono.empty();
		});
	}

	@Override
	public Mono<Void> write(String token, Duration timeToLive) {
		return this.state.guard(this.redis.opsForValue().set(this.tokenKey, token, timeToLive)).then();
	}

	@Override
	public Mono<Boolean> tryLock(Duration timeToLive) {
		return this.state.guard(this.redis.opsForValue().setIfAbsent(this.lockKey, this.instanceId, timeToLive));
	}

	@Override
	public Mono<Boolean> renewLock(Duration timeToLive) {
		return this.state
			.guard(this.redis.execute(EXTEND_IF_EQUAL, List.of(this.lockKey),
					List.of(this.instanceId, String.valueOf(timeToLive.toMillis())))
				.next())
			.map((extended) -> extended > 0);
	}

	@Override
	public Mono<Boolean> isLocked() {
		return this.state.guard(this.redis.hasKey(this.lockKey));
	}

	@Override
	public Mono<Void> unlock() {
		return this.state
			.guard(this.redis.execute(DELETE_IF_EQUAL, List.of(this.lockKey), List.of(this.instanceId)).next())
			.then();
	}

	@Override
	public Mono<Void> check() {
		return this.state.guard(this.redis.execute(READ, List.of(this.tokenKey)).next()).then();
	}

	@Override
	public Mono<Boolean> removeIf(String token) {
		return this.state.guard(this.redis.execute(DELETE_IF_EQUAL, List.of(this.tokenKey), List.of(token)).next())
			.map((deleted) -> deleted > 0);
	}

	@Override
	public String toString() {
		return "RedisSharedTokenStore[" + this.tokenKey + "]";
	}

}
