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

package io.github.dingtalkboot.testcontainers;

import java.time.Duration;

import io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each credential mode against the container, configured through
 * {@code dingtalk.base-url}.
 */
@RequiresDocker
@Testcontainers
class DingTalkCredentialsContainerTests {

	@Container
	static GenericContainer<?> dingtalk = WireMockDingTalk.container();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + WireMockDingTalk.baseUrl(dingtalk),
					"dingtalk.storage.union-id=op");
	}

	@Test
	void thirdPartyAppGetsACorpToken() {
		runner()
			.withPropertyValues("dingtalk.suite-key=wm-suite", "dingtalk.suite-secret=wm-suite-secret",
					"dingtalk.auth-corp-id=wm-corp", "dingtalk.suite-ticket=wm-ticket")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("task-fail"))
				.assertNext((task) -> {
					assertThat(task.status()).isEqualTo(StorageTaskStatus.FAIL);
					assertThat(task.failMessage()).isEqualTo("3 files are locked");
				})
				.verifyComplete());
	}

	@Test
	void aStaleSuiteTicketIsAnAuthenticationFailure() {
		runner()
			.withPropertyValues("dingtalk.suite-key=wm-suite", "dingtalk.suite-secret=wm-suite-secret",
					"dingtalk.auth-corp-id=wm-corp", "dingtalk.suite-ticket=stale")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("task-fail"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
					.hasMessageContaining("invalidSuiteTicket"))
				.verify(Duration.ofSeconds(30)));
	}

	@Test
	void wrongAppSecretIsAnAuthenticationFailure() {
		runner().withPropertyValues("dingtalk.app-key=wm-key", "dingtalk.app-secret=wrong")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("task-init"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
					.hasMessageContaining("invalidClientIdOrSecret")
					.hasMessageNotContaining("wrong"))
				.verify(Duration.ofSeconds(30)));
	}

	@Test
	void aTokenDingTalkDoesNotKnowIsRejectedTwiceThenSurfaces() {
		runner().withPropertyValues("dingtalk.access-token=not-a-real-token")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("task-init"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
					.hasMessageContaining("InvalidAuthentication")
					.hasMessageNotContaining("not-a-real-token"))
				.verify(Duration.ofSeconds(30)));
	}

}
