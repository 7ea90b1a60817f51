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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.storage.BlockingStorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.testsupport.CorpsDingTalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * A third-party app calling and tracking for several corps, against a fake DingTalk that
 * gives each corp its own tokens and rejects a token used for another corp's task.
 */
class DingTalkCorpsTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private final CorpsDingTalk dingtalk = new CorpsDingTalk();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkTrackerAutoConfiguration.class))
		.withUserConfiguration(Events.class)
		.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.suite-key=suite",
				"dingtalk.suite-secret=suite-secret", "dingtalk.suite-ticket=ticket", "dingtalk.storage.union-id=union",
				"dingtalk.retry.initial-backoff=10ms", "dingtalk.tracker.delivery.backoff=10ms");

	DingTalkCorpsTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.dingtalk.close();
	}

	@Test
	void callsForThreeCorpsInterleavedEachCarryTheirCorpsToken() {
		List<String> corps = List.of("corp-a", "corp-b", "corp-c");
		corps.forEach((corp) -> this.dingtalk.task("task-" + corp, corp));
		this.runner.run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);

			List<StorageTask> answers = Flux.range(0, 30)
				.concatMap((i) -> operations.forCorp(corps.get(i % 3)).getTask("task-" + corps.get(i % 3)))
				.collectList()
				.block(BLOCK);

			assertThat(answers).hasSize(30);
			assertThat(this.dingtalk.storageTokens()).hasSize(30)
				.allSatisfy((token) -> assertThat(token).matches("tok-corp-[abc]-1"));
			assertThat(this.dingtalk.tokenRequests()).containsExactly("corp-a", "corp-b", "corp-c");
		});
	}

	@Test
	void aWatchOfACorpsTaskPollsWithThatCorpsToken() {
		this.dingtalk.task("t1", "corp-b");
		this.runner.run((context) -> {
			StorageTaskOperations corpB = context.getBean(StorageTaskOperations.class).forCorp("corp-b");

			assertThat(corpB.watchTask("t1").blockFirst(BLOCK).successCount()).isEqualTo(3);
			assertThat(this.dingtalk.storageTokens()).containsExactly("tok-corp-b-1");
		});
	}

	@Test
	void theBlockingOperationsCallForACorpToo() {
		this.dingtalk.task("t1", "corp-c");
		this.runner.run((context) -> {
			BlockingStorageTaskOperations corpC = context.getBean(BlockingStorageTaskOperations.class)
				.forCorp("corp-c");

			assertThat(corpC.getTask("t1").successCount()).isEqualTo(3);
			assertThat(this.dingtalk.storageTokens()).containsExactly("tok-corp-c-1");
		});
	}

	@Test
	void aCallThatNamesNoCorpWithoutADefaultCorpFailsBeforeAnythingIsSent() {
		this.runner.run((context) -> {
			StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t1"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(DingTalkException.class)
					.hasMessageContaining("forCorp"))
				.verify(BLOCK);
			assertThat(this.dingtalk.tokenRequests()).isEmpty();
			assertThat(this.dingtalk.storageTokens()).isEmpty();
		});
	}

	@Test
	void aCorpThatWithdrewItsAuthorisationFailsAloneAndItsTrackedTasksEndUnauthorized() {
		this.dingtalk.withdraw("corp-b").task("ta", "corp-a").task("tb", "corp-b");
		this.runner.run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);

			StepVerifier.create(operations.forCorp("corp-b").getTask("tb"))
				.expectError(DingTalkAuthenticationException.class)
				.verify(BLOCK);
			tracker.forCorp("corp-b").track("tb").block(BLOCK);

			assertThat(operations.forCorp("corp-a").getTask("ta").block(BLOCK).successCount()).isEqualTo(3);
			Events events = context.getBean(Events.class);
			await().atMost(BLOCK).untilAsserted(() -> assertThat(events.failed).singleElement().satisfies((event) -> {
				assertThat(event.getReason()).isEqualTo(StorageTaskTrackingFailedEvent.Reason.UNAUTHORIZED);
				assertThat(event.getTrackedTask().corpId()).isEqualTo("corp-b");
			}));
		});
	}

	@Test
	void aCorpWhoseQuotaIsUsedUpFailsFastUntilTheNextDayWithoutTouchingOthers() {
		this.dingtalk.quotaUsedUp("corp-a").task("ta", "corp-a").task("tb", "corp-b");
		this.runner.run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			StepVerifier.create(operations.forCorp("corp-a").getTask("ta"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkThrottledException.class)
					.satisfies((error) -> assertThat(((DingTalkThrottledException) error).isQuotaExhausted()).isTrue()))
				.verify(BLOCK);
			int sent = this.dingtalk.storageTokens().size();

			StepVerifier.create(operations.forCorp("corp-a").getTask("ta"))
				.expectError(DingTalkThrottledException.class)
				.verify(BLOCK);

			assertThat(this.dingtalk.storageTokens()).as("refused at once, not sent").hasSize(sent);
			assertThat(operations.forCorp("corp-b").getTask("tb").block(BLOCK).successCount()).isEqualTo(3);
		});
	}

	@Test
	void trackedTasksCarryTheirCorpIntoTheStoreAndTheEvents() {
		this.dingtalk.task("ta", "corp-a").task("tb", "corp-b").end("ta").end("tb");
		this.runner.run((context) -> {
			StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);
			tracker.forCorp("corp-a").track("ta", "union", Map.of("job", "1")).block(BLOCK);
			tracker.forCorp("corp-b").track("tb", "union", Map.of("job", "2")).block(BLOCK);

			Events events = context.getBean(Events.class);
			await().atMost(BLOCK).untilAsserted(() -> assertThat(events.completed).hasSize(2));

			assertThat(events.completed).extracting((event) -> event.getTrackedTask().corpId())
				.containsExactlyInAnyOrder("corp-a", "corp-b");
			assertThat(this.dingtalk.storageTokens()).containsExactlyInAnyOrder("tok-corp-a-1", "tok-corp-b-1");
		});
	}

	@Test
	void aCorpsTrackerListsThatCorpsTasksOnly() {
		this.dingtalk.task("ta", "corp-a").task("tb", "corp-b");
		this.runner.run((context) -> {
			StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);
			tracker.forCorp("corp-a").track("ta").block(BLOCK);
			tracker.forCorp("corp-b").track("tb").block(BLOCK);

			assertThat(tracker.forCorp("corp-a").trackedTasks().map(TrackedTask::taskId).collectList().block(BLOCK))
				.containsExactly("ta");
			assertThat(tracker.trackedTasks().map(TrackedTask::taskId).collectList().block(BLOCK))
				.containsExactlyInAnyOrder("ta", "tb");
		});
	}

	@Test
	void anInvalidCorpIdIsRefusedAtOnce() {
		this.runner.run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			assertThatIllegalArgumentException().isThrownBy(() -> operations.forCorp("corp\n1"));
			assertThatIllegalArgumentException()
				.isThrownBy(() -> context.getBean(StorageTaskTracker.class).forCorp(" "));
		});
	}

	@Test
	void forCorpOnAnInternalAppFailsAtOnceSayingWhy() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
					DingTalkTrackerAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.app-key=key",
					"dingtalk.app-secret=secret")
			.run((context) -> {
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> context.getBean(StorageTaskOperations.class).forCorp("corp-a"))
					.withMessageContaining("third-party");
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> context.getBean(BlockingStorageTaskOperations.class).forCorp("corp-a"))
					.withMessageContaining("third-party");
				assertThatExceptionOfType(UnsupportedOperationException.class)
					.isThrownBy(() -> context.getBean(StorageTaskTracker.class).forCorp("corp-a"))
					.withMessageContaining("third-party");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class Events {

		final List<StorageTaskCompletedEvent> completed = new CopyOnWriteArrayList<>();

		final List<StorageTaskTrackingFailedEvent> failed = new CopyOnWriteArrayList<>();

		@EventListener
		void completed(StorageTaskCompletedEvent event) {
			this.completed.add(event);
		}

		@EventListener
		void failed(StorageTaskTrackingFailedEvent event) {
			this.failed.add(event);
		}

	}

}
