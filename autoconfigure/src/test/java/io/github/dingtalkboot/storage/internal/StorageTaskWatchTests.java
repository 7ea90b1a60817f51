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

package io.github.dingtalkboot.storage.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.StorageTaskTimeoutException;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.Disposable;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.json;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@code watchTask} and {@code awaitTask} against a real HTTP server (short poll
 * intervals; the schedule itself is covered in virtual time by {@link TaskPollerTests}).
 */
class StorageTaskWatchTests {

	private static final StorageTaskSettings FAST = StorageTaskSettings.builder()
		.defaultUnionId("op")
		.poll(Duration.ofMillis(10), Duration.ofMillis(40), 1.5)
		.awaitTimeout(Duration.ofSeconds(5))
		.build();

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	private StorageTaskClient client;

	@BeforeEach
	void start() {
		this.http = this.dingtalk.http();
		this.client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), FAST, null);
	}

	@Test
	void emitsEachChangeOnceRetriesServerErrorsAndEndsWithTheTerminalState() {
		this.server.enqueue(task("INIT", 10, 0));
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(task("IN_PROGRESS", 10, 7));
		this.server.enqueue(json(200, "{\"task\":{\"id\":\"t1\",\"status\":\"FAIL\",\"totalCount\":10,"
				+ "\"successCount\":7,\"failCount\":3,\"failMessage\":\"locked\"}}"));
		List<StorageTask> states = this.client.watchTask("t1", "op").collectList().block(Duration.ofSeconds(30));
		assertThat(states).extracting(StorageTask::status, StorageTask::successCount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.INIT, 0L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.IN_PROGRESS, 3L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.IN_PROGRESS, 7L),
					org.assertj.core.groups.Tuple.tuple(StorageTaskStatus.FAIL, 7L));
		assertThat(states.get(3).failMessage()).isEqualTo("locked");
		assertThat(this.server.getRequestCount()).isEqualTo(6);
	}

	@Test
	void aNonRetryableErrorFailsTheWatchWithItsType() {
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		this.server.enqueue(error(404, "taskNotExist", "gone"));
		StepVerifier.create(this.client.watchTask("t1", "op"))
			.expectNextCount(1)
			.expectError(StorageTaskNotFoundException.class)
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void watchTaskWithoutUnionIdUsesTheDefaultOperator() throws Exception {
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.watchTask("t1")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getUrl().queryParameter("unionId")).isEqualTo("op");
	}

	@Test
	void watchTaskWithoutUnionIdOrDefaultOperatorFailsAndSendsNothing() {
		StorageTaskClient noDefault = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), null);
		StepVerifier.create(noDefault.watchTask("t1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("needs an operator: pass the unionId"))
			.verify();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cancellingAWatchSendsNoFurtherRequest() throws Exception {
		for (int i = 0; i < 50; i++) {
			this.server.enqueue(task("IN_PROGRESS", 10, i));
		}
		// take(3) cancels the watch right after its third state
		this.client.watchTask("t1", "op").take(3).blockLast(Duration.ofSeconds(30));
		int sent = this.server.getRequestCount();
		Thread.sleep(300);
		assertThat(sent).isEqualTo(3);
		assertThat(this.server.getRequestCount()).isEqualTo(sent);
	}

	@Test
	void disposingAWatchStopsPollingAtOnce() throws Exception {
		for (int i = 0; i < 50; i++) {
			this.server.enqueue(task("IN_PROGRESS", 10, 1));
		}
		Disposable watch = this.client.watchTask("t1", "op").subscribe();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.server.getRequestCount() >= 2);
		watch.dispose();
		int sent = this.server.getRequestCount();
		Thread.sleep(300);
		// a request already on its way may still be recorded; none is sent after the
		// dispose
		assertThat(this.server.getRequestCount()).isLessThanOrEqualTo(sent + 1);
	}

	@Test
	void awaitTaskReturnsAFailedTaskAsAResult() {
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		this.server.enqueue(task("FAIL", 10, 3));
		StepVerifier.create(this.client.awaitTask("t1", "op", Duration.ofSeconds(5)))
			.assertNext((task) -> assertThat(task.status()).isEqualTo(StorageTaskStatus.FAIL))
			.verifyComplete();
	}

	@Test
	void awaitTaskWithoutArgumentsUsesTheDefaultOperatorAndTimeout() {
		this.server.enqueue(task("SUCCESS", 10, 10));
		StepVerifier.create(this.client.awaitTask("t1"))
			.assertNext((task) -> assertThat(task.status()).isEqualTo(StorageTaskStatus.SUCCESS))
			.verifyComplete();
	}

	@Test
	void awaitTaskTimesOutWithTheLastStateSeenAndStopsPolling() throws Exception {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return task("IN_PROGRESS", 10, 4);
			}
		});
		// the timeout runs in virtual time, so it fires exactly when the test says,
		// however slow the machine; so do the polls
		VirtualTimeScheduler timeout = VirtualTimeScheduler.create();
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), FAST, null,
				timeout);
		CompletableFuture<StorageTask> waiting = client.awaitTask("t1", "op", Duration.ofMinutes(1)).toFuture();
		// polls and the timeout run in virtual time; a second request is only sent after
		// the first answer was seen
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			timeout.advanceTimeBy(Duration.ofMillis(10));
			return this.server.getRequestCount() >= 2;
		});
		timeout.advanceTimeBy(Duration.ofMinutes(1));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(StorageTaskTimeoutException.class, (ex) -> {
				assertThat(ex).hasMessageContaining("t1");
				assertThat(ex.getLastState().status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
				assertThat(ex.getLastState().successCount()).isEqualTo(4);
			});
		// a request already on its way may still arrive; nothing after it
		int sent = this.server.getRequestCount();
		Thread.sleep(500);
		assertThat(this.server.getRequestCount()).isLessThanOrEqualTo(sent + 1);
	}

	@Test
	void awaitTaskTimesOutWithoutStateWhenNoAnswerCameInTime() throws Exception {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(60, TimeUnit.SECONDS).build());
		VirtualTimeScheduler timeout = VirtualTimeScheduler.create();
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), FAST, null,
				timeout);
		CompletableFuture<StorageTask> waiting = client.awaitTask("t1", "op", Duration.ofMillis(200)).toFuture();
		this.server.takeRequest(30, TimeUnit.SECONDS);
		timeout.advanceTimeBy(Duration.ofMillis(200));
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> waiting.get(10, TimeUnit.SECONDS))
			.havingCause()
			.isInstanceOfSatisfying(StorageTaskTimeoutException.class, (ex) -> assertThat(ex.getLastState()).isNull());
	}

}
