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

package io.github.dingtalkboot.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.sample.sandbox.DemoTasks;
import io.github.dingtalkboot.test.DingTalkSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the sample sharing one Redis and one sandbox, started the way
 * docs/several-instances.md says: the second with {@code --sample.sandbox.join} and both
 * with {@code --dingtalk.cluster.enabled=true}.
 */
class SampleClusterTests {

	private static GenericContainer<?> redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	private static String[] clusterArgs;

	@BeforeAll
	static void startTwoInstances() {
		boolean required = "true".equalsIgnoreCase(System.getenv("CI"))
				|| System.getenv("DINGTALK_DOCKER_READY") != null;
		if (!required) {
			Assumptions.assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
					"Docker is not available: the two-instance sample test is skipped");
		}
		redis = new GenericContainer<>(DockerImageName.parse("redis:7.0.15")).withExposedPorts(6379);
		redis.start();
		clusterArgs = new String[] { "--server.port=0", "--dingtalk.cluster.enabled=true",
				"--spring.data.redis.host=" + redis.getHost(), "--spring.data.redis.port=" + redis.getMappedPort(6379),
				"--sample.sandbox.failure-rate=0" };
		first = new SpringApplicationBuilder(SampleApplication.class).run(clusterArgs);
		String sandbox = first.getBean(DingTalkSandbox.class).baseUrl();
		second = new SpringApplicationBuilder(SampleApplication.class)
			.run(append(clusterArgs, "--sample.sandbox.join=" + sandbox));
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable each : new AutoCloseable[] { second, first, redis }) {
			try {
				if (each != null) {
					each.close();
				}
			}
			catch (Exception ex) {
				// closing the rest matters more
			}
		}
	}

	private static String[] append(String[] args, String arg) {
		String[] all = Arrays.copyOf(args, args.length + 1);
		all[args.length] = arg;
		return all;
	}

	private static String notices(ConfigurableApplicationContext instance) {
		return http(instance).get()
			.uri("/api/notices")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
	}

	private static WebClient http(ConfigurableApplicationContext instance) {
		return WebClient.create("http://localhost:" + instance.getEnvironment().getProperty("local.server.port"));
	}

	@Test
	void aTaskStartedOnTheFirstInstanceIsFollowedOnTheSecond() {
		Map<String, String> started = http(first).post()
			.uri("/api/demo/tasks")
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.block(Duration.ofSeconds(30));
		Map<String, Object> task = http(second).get()
			.uri("/api/tasks/{id}", started.get("taskId"))
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.block(Duration.ofSeconds(30));
		assertThat(task).containsEntry("id", started.get("taskId"));
	}

	@Test
	void aTaskTrackedOnAnInstanceThatStopsIsNoticedOnAnother() {
		String taskId = first.getBean(DemoTasks.class).startDemoTask();
		// on Reactor Netty resources of its own: closing an instance that uses the global
		// ones disposes them, and the other two instances in this JVM run on them
		ConfigurableApplicationContext third = new SpringApplicationBuilder(SampleApplication.class).initializers(
				(GenericApplicationContext context) -> context.registerBean(ReactorResourceFactory.class, () -> {
					ReactorResourceFactory resources = new ReactorResourceFactory();
					resources.setUseGlobalResources(false);
					return resources;
				}))
			.run(append(clusterArgs, "--sample.sandbox.join=" + first.getBean(DingTalkSandbox.class).baseUrl()));
		try {
			third.getBean(TaskService.class)
				.noticeWhenDone(null, taskId, "the third instance")
				.block(Duration.ofSeconds(30));
		}
		finally {
			third.close();
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(notices(first) + notices(second)).contains(taskId));
	}

	@Test
	void bothInstancesShowTheOneSharedRateLimitAndAHealthyCluster() {
		assertThat(first.getBean(DingTalkRateLimiter.class).getClass().getSimpleName()).isEqualTo("RedisRateLimiter");
		assertThat(second.getBean(DingTalkRateLimiter.class).currentRate())
			.isEqualTo(first.getBean(DingTalkRateLimiter.class).currentRate());
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { first, second }) {
			String health = http(instance).get()
				.uri("/actuator/health")
				.retrieve()
				.bodyToMono(String.class)
				.block(Duration.ofSeconds(30));
			assertThat(health).contains("\"cluster\":\"UP\"");
		}
	}

}
