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

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With every logger at TRACE, a token fetch, a rejected token, a retry and a failing
 * token endpoint leave neither the app secret nor any access token in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkSecretsInLogsTests {

	private static final String APP_SECRET = "app-SECRET-4711";

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private Level rootLevel;

	@BeforeEach
	void start() {
		Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		this.rootLevel = root.getLevel();
		root.setLevel(Level.TRACE);
	}

	@AfterEach
	void stop() {
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(this.rootLevel);
	}

	@Test
	void noSecretOrTokenReachesTheLogAtAnyLevel(CapturedOutput output) {
		this.server.enqueue(token("first-TOKEN-1", 7200));
		this.server.enqueue(error(400, "InvalidAuthentication", "不合法的access_token"));
		this.server.enqueue(token("second-TOKEN-2", 7200));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server), "dingtalk.app-key=key",
					"dingtalk.app-secret=" + APP_SECRET, "dingtalk.retry.initial-backoff=5ms")
			.run((context) -> {
				StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t", "u"))
					.expectNextCount(1)
					.verifyComplete();
				assertThat(this.server.getRequestCount()).isEqualTo(5);
			});
		assertThat(output.getAll()).contains("DingTalk storage.task.get attempt")
			.doesNotContain(APP_SECRET, "first-TOKEN-1", "second-TOKEN-2");
	}

}
