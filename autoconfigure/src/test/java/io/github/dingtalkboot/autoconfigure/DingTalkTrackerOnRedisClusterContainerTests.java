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

import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The tracker's cluster behaviour on a Redis Cluster of three masters: every tracker key
 * of one credential lives in one hash slot, so the scripts run there as on one Redis.
 */
@RequiresDocker
@Testcontainers
class DingTalkTrackerOnRedisClusterContainerTests extends DingTalkTrackerClusterContainerTests {

	@Container
	static GenericContainer<?> cluster = RedisContainers.cluster();

	DingTalkTrackerOnRedisClusterContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return new String[] { "spring.data.redis.cluster.nodes=" + RedisContainers.clusterNodes(cluster) };
	}

	@Override
	void flushAll() {
		RedisContainers.flushAllNodes(cluster);
	}

	@Override
	void pauseClients(Duration pause) {
		RedisContainers.pauseClientsOfAllNodes(cluster, pause);
	}

	@Override
	GenericContainer<?> container() {
		return cluster;
	}

}
