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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.cluster.internal.RedisCheck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Runs every piece of the cluster's scripts once when the application starts: what Redis
 * refuses for good stops start-up with its answer, while a Redis that does not answer
 * (yet) leaves the application starting in the degraded mode.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkClusterCheck implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(DingTalkClusterCheck.class);

	static final String ACTION = "Give the Redis user of spring.data.redis.username the commands the starter runs "
			+ "(EVAL and EVALSHA, and inside its scripts GET, SET, HGET, HSET, HMGET, HDEL, HEXISTS, HSETNX, "
			+ "HINCRBY, ZADD, ZREM, ZRANGE, ZRANGEBYSCORE, ZREMRANGEBYSCORE, ZSCORE, PEXPIRE, PTTL, DEL, TIME) on "
			+ "the keys under dingtalk.cluster.key-prefix; remove keys of the wrong type another application "
			+ "wrote there (or choose another key prefix); and use Redis 6.2 or later.";

	private final ClusterState state;

	private final ObjectProvider<RedisCheck> checks;

	private final Duration bound;

	DingTalkClusterCheck(ClusterState state, ObjectProvider<RedisCheck> checks, Duration bound) {
		this.state = state;
		this.checks = checks;
		this.bound = bound;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<RedisCheck> all = this.checks.orderedStream().toList();
		Flux.fromIterable(all)
			.flatMap((check) -> check.check().onErrorResume((ex) -> Mono.empty()))
			.then()
			.block(this.bound);
		String refusal = this.state.refusal();
		if (refusal != null) {
			throw new DingTalkClusterUnavailableException("Redis refused a command at start-up: " + refusal + ".",
					ACTION);
		}
		if (this.state.isDegraded()) {
			logger.info("Redis did not answer at start-up; the DingTalk client starts with local state");
		}
	}

}
