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

package io.github.dingtalkboot.test;

import java.time.Duration;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.MountableFile;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * As a user's project would: WireMock in a container with the artifact's mappings,
 * connected by {@code @ServiceConnection(name = "dingtalk")}, no file copied. (Skipped
 * without Docker; the starter's own container tests fail CI then.)
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = { "dingtalk.app-key=" + DingTalkWireMock.APP_KEY,
		"dingtalk.app-secret=" + DingTalkWireMock.APP_SECRET, "dingtalk.storage.union-id=wm-operator" })
class DingTalkWireMockContainerTests {

	@Container
	@ServiceConnection(name = "dingtalk")
	static GenericContainer<?> dingtalk = new GenericContainer<>("wiremock/wiremock:3.13.2").withExposedPorts(8080)
		.withCopyFileToContainer(MountableFile.forClasspathResource(DingTalkWireMock.MAPPINGS),
				"/home/wiremock/mappings")
		.withCommand("--disable-banner")
		.waitingFor(Wait.forHttp("/__admin/health").forPort(8080));

	@Autowired
	private StorageTaskOperations tasks;

	@Test
	void theStarterReadsAStubbedTaskThroughTheServiceConnection() {
		assertThat(this.tasks.getTask("task-success").block(Duration.ofSeconds(30)).status())
			.isEqualTo(StorageTaskStatus.SUCCESS);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
