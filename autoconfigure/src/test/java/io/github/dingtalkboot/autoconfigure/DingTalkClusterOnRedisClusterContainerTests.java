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

import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The shared token, suite ticket and rate limit on a Redis Cluster of three masters: each
 * credential's keys share one hash slot, so the scripts that touch two of them run there.
 */
@RequiresDocker
@Testcontainers
class DingTalkClusterOnRedisClusterContainerTests extends DingTalkClusterContainerTests {

	@Container
	static GenericContainer<?> redis = RedisContainers.cluster();

	DingTalkClusterOnRedisClusterContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return new String[] { "spring.data.redis.cluster.nodes=" + RedisContainers.clusterNodes(redis) };
	}

	@Override
	GenericContainer<?> container() {
		return redis;
	}

}
