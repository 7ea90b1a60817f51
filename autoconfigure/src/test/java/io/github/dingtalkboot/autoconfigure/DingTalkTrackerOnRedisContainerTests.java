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
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracker's cluster behaviour on one Redis, and what only one Redis can show: a
 * restart without persistence.
 */
@RequiresDocker
@Testcontainers
class DingTalkTrackerOnRedisContainerTests extends DingTalkTrackerClusterContainerTests {

	private static final Duration BLOCK = Duration.ofSeconds(60);

	@Container
	static GenericContainer<?> redis = RedisContainers.redis();

	DingTalkTrackerOnRedisContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return on(redis);
	}

	@Override
	void flushAll() {
		RedisContainers.flushAll(redis);
	}

	@Override
	void pauseClients(Duration pause) {
		RedisContainers.pauseClients(redis, pause);
	}

	@Override
	GenericContainer<?> container() {
		return redis;
	}

	@Test
	void everyTaskCompletesOnceWhenRedisRestartsWithoutPersistence() {
		GenericContainer<?> restarting = RedisContainers.redisOnFixedPort();
		restarting.start();
		try {
			ConfigurableApplicationContext a = start("a", withRedis(restarting, "dingtalk.tracker.lease=3s"));
			ConfigurableApplicationContext b = start("b", withRedis(restarting, "dingtalk.tracker.lease=3s"));
			trackTasks(a, b, 60);
			await().atMost(BLOCK).until(() -> deliveredTasks().size() >= 5);

			RedisContainers.restart(restarting);

			await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveredTasks()).hasSize(60));
			assertEachDeliveredOnce();
		}
		finally {
			this.instances.forEach(ConfigurableApplicationContext::close);
			restarting.stop();
		}
	}

	private static String[] on(GenericContainer<?> container) {
		return new String[] { "spring.data.redis.host=" + container.getHost(),
				"spring.data.redis.port=" + container.getMappedPort(6379) };
	}

	private static String[] withRedis(GenericContainer<?> container, String property) {
		String[] on = on(container);
		return new String[] { on[0], on[1], property };
	}

}
