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
import java.util.function.Consumer;

import io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.test.DingTalkSandbox.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failures injected in the sandbox reach the starter as DingTalk's would, and the journal
 * shows what the starter sent.
 */
class DingTalkSandboxFailuresTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkSandboxAutoConfiguration.class,
				WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
		.withPropertyValues("dingtalk.storage.union-id=operator", "dingtalk.retry.initial-backoff=5ms",
				"dingtalk.retry.throttled-backoff=5ms", "dingtalk.retry.max-backoff=20ms");

	private void run(Consumer<DingTalkSandbox> test) {
		this.runner.run((context) -> test.accept(context.getBean(DingTalkSandbox.class)));
	}

	private void run(TwoParts test) {
		this.runner.run((context) -> test.accept(context.getBean(DingTalkSandbox.class),
				context.getBean(StorageTaskOperations.class)));
	}

	@Test
	void aServerErrorIsRetriedAndTheJournalShowsBothAttemptsWithTheTokenAndOperator() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 1, SandboxFailure.error(503, "operationTimeout"));

			assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status()).isEqualTo(StorageTaskStatus.SUCCESS);

			assertThat(sandbox.requests(Api.STORAGE_TASK)).hasSize(2).allSatisfy((request) -> {
				assertThat(request.path()).isEqualTo("/v1.0/storage/tasks/t1");
				assertThat(request.query()).containsEntry("unionId", "operator");
				assertThat(request.accessToken()).startsWith("sandbox-");
			});
			assertThat(sandbox.requests(Api.ACCESS_TOKEN)).singleElement()
				.satisfies((request) -> assertThat(request.body()).contains(DingTalkSandbox.APP_KEY));
		});
	}

	@Test
	void throttlingIsAnHttp403ThatIsRetried() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 2, SandboxFailure.throttled());

			assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status()).isEqualTo(StorageTaskStatus.SUCCESS);
			assertThat(sandbox.requests(Api.STORAGE_TASK)).hasSize(3);
		});
	}

	@Test
	void throttlingThatLastsReachesTheCallerAsThrottled() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 100, SandboxFailure.throttled());

			assertThatExceptionOfType(DingTalkThrottledException.class)
				.isThrownBy(() -> tasks.getTask("t1").block(Duration.ofSeconds(30)));
		});
	}

	@Test
	void theHtmlBanPageIsATypedErrorNotAParseFailure() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 100, SandboxFailure.banPage());

			assertThatExceptionOfType(DingTalkException.class)
				.isThrownBy(() -> tasks.getTask("t1").block(Duration.ofSeconds(30)));
		});
	}

	@Test
	void aDroppedConnectionIsRetried() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 1, SandboxFailure.dropConnection());

			assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status()).isEqualTo(StorageTaskStatus.SUCCESS);
			assertThat(sandbox.requests(Api.STORAGE_TASK)).hasSize(2);
		});
	}

	@Test
	void aShareOfRequestsFailsAtRandomAndTheStarterRidesItOut() {
		this.runner.withPropertyValues("dingtalk.retry.max-attempts=20").run((context) -> {
			DingTalkSandbox sandbox = context.getBean(DingTalkSandbox.class);
			StorageTaskOperations tasks = context.getBean(StorageTaskOperations.class);
			sandbox.task("t1").succeeds();
			sandbox.failShare(Api.STORAGE_TASK, 0.5, SandboxFailure.error(503, "operationTimeout"));

			for (int i = 0; i < 30; i++) {
				assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status())
					.isEqualTo(StorageTaskStatus.SUCCESS);
			}

			// half the requests failed and were retried: none failing in 30 calls would
			// happen once in a billion runs, a call failing 20 times in a row once in
			// 30,000
			assertThat(sandbox.requests(Api.STORAGE_TASK).size()).isGreaterThan(30);
		});
	}

	@Test
	void aRevokedTokenIsReplacedByANewOne() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			tasks.getTask("t1").block(Duration.ofSeconds(30));
			sandbox.revokeTokens();

			assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status()).isEqualTo(StorageTaskStatus.SUCCESS);
			assertThat(sandbox.requests(Api.ACCESS_TOKEN)).hasSize(2);
			assertThat(sandbox.requests(Api.STORAGE_TASK).get(1).accessToken())
				.isNotEqualTo(sandbox.requests(Api.STORAGE_TASK).get(2).accessToken());
		});
	}

	@Test
	void aDelayedAnswerStillComes() {
		run((sandbox, tasks) -> {
			sandbox.task("t1").succeeds();
			sandbox.failNext(Api.STORAGE_TASK, 1, SandboxFailure.delay(Duration.ofMillis(300)));

			assertThat(tasks.getTask("t1").block(Duration.ofSeconds(30)).status()).isEqualTo(StorageTaskStatus.SUCCESS);
		});
	}

	@Test
	void aThirdPartyAppsCorpSeesItsOwnTasksOnlyAndAWithdrawnCorpGetsNoToken() {
		this.runner.withPropertyValues("dingtalk.sandbox.credentials=third-party-app").run((context) -> {
			DingTalkSandbox sandbox = context.getBean(DingTalkSandbox.class);
			StorageTaskOperations tasks = context.getBean(StorageTaskOperations.class);
			sandbox.task("b1").forCorp("sandbox-corp-b").succeeds();

			assertThat(tasks.forCorp("sandbox-corp-b").getTask("b1").block(Duration.ofSeconds(30)).status())
				.isEqualTo(StorageTaskStatus.SUCCESS);
			assertThatExceptionOfType(DingTalkException.class)
				.isThrownBy(() -> tasks.forCorp("sandbox-corp-a").getTask("b1").block(Duration.ofSeconds(30)));
			sandbox.withdraw("sandbox-corp-b");
			assertThatExceptionOfType(DingTalkException.class)
				.isThrownBy(() -> tasks.forCorp("sandbox-corp-b").getTask("b1").block(Duration.ofSeconds(30)));
		});
	}

	@FunctionalInterface
	private interface TwoParts {

		void accept(DingTalkSandbox sandbox, StorageTaskOperations tasks);

	}

}
