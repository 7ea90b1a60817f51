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

import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster in an application that gets its Redis the way Spring Boot users do: a
 * {@code redis} container with {@code @ServiceConnection}.
 */
@RequiresDocker
@Testcontainers
// closed before the container stops, so that Lettuce does not try to reconnect to it
@DirtiesContext
@SpringBootTest(properties = { "dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=service-connection",
		"dingtalk.suite-key=sk", "dingtalk.suite-secret=suite-secret-value", "dingtalk.auth-corp-id=corp" })
class DingTalkClusterServiceConnectionTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	@Container
	@ServiceConnection
	static GenericContainer<?> redis = RedisContainers.redis();

	@Autowired
	private DataRedisConnectionDetails redisConnectionDetails;

	@Autowired
	private ReactiveRedisConnectionFactory connectionFactory;

	@Autowired
	private DingTalkRateLimiter rateLimiter;

	@Autowired
	private SuiteTicketStore suiteTicketStore;

	@Autowired
	private ClusterState clusterState;

	@Test
	void theRedisOfTheServiceConnectionHoldsTheSharedState() {
		assertThat(this.redisConnectionDetails.getClass().getName()).contains("Container");
		this.rateLimiter.acquire().block(BLOCK);
		this.suiteTicketStore.save("pushed").block(BLOCK);
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(this.connectionFactory);
		assertThat(redis.opsForValue().get("service-connection:{suite:sk}:suite-ticket").block(BLOCK))
			.isEqualTo("pushed");
		assertThat(redis.hasKey("service-connection:{suite:sk:corp:corp}:rate-schedule").block(BLOCK)).isTrue();
		assertThat(this.clusterState.isDegraded()).isFalse();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Application {

	}

}
