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
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared token, suite ticket and rate limit on one Redis.
 */
@RequiresDocker
@Testcontainers
class DingTalkClusterOnRedisContainerTests extends DingTalkClusterContainerTests {

	@Container
	static GenericContainer<?> redis = RedisContainers.redis();

	DingTalkClusterOnRedisContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return new String[] { "spring.data.redis.host=" + redis.getHost(),
				"spring.data.redis.port=" + redis.getMappedPort(6379) };
	}

	@Test
	void aRedisUserThatMayNotRunScriptsStopsStartUpNamingThePermission() throws Exception {
		redis.execInContainer("redis-cli", "ACL", "SETUSER", "no-scripts", "on", ">no-scripts-password", "~*", "&*",
				"+@all", "-@scripting");

		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> start("a", "dingtalk.app-key=key", "dingtalk.app-secret=secret",
					"spring.data.redis.username=no-scripts", "spring.data.redis.password=no-scripts-password"))
			.satisfies((ex) -> {
				FailureAnalysis analysis = new DingTalkClusterFailureAnalyzer().analyze(ex);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("NOPERM").containsIgnoringCase("eval");
				assertThat(analysis.getAction()).contains("EVAL");
			});
	}

	@Override
	GenericContainer<?> container() {
		return redis;
	}

}
