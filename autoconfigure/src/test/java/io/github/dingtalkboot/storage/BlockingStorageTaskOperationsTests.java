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

package io.github.dingtalkboot.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.internal.StorageTaskClient;
import io.github.dingtalkboot.storage.internal.StorageTaskSettings;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import io.github.dingtalkboot.testsupport.NeverEndingStorageTaskOperations;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * {@link BlockingStorageTaskOperations} against a real HTTP server.
 */
class BlockingStorageTaskOperationsTests {

	private static final StorageTaskSettings FAST_POLLS = StorageTaskSettings.builder()
		.defaultUnionId("op")
		.poll(Duration.ofMillis(10), Duration.ofMillis(20), 1.5)
		.awaitTimeout(Duration.ofSeconds(30))
		.build();

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	private BlockingStorageTaskOperations blocking;

	@BeforeEach
	void start() {
		this.http = this.dingtalk.http();
		this.blocking = BlockingStorageTaskOperations.of(
				new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), FAST_POLLS, null),
				Duration.ofSeconds(60), FAST_POLLS.awaitTimeout());
	}

	@Test
	void getTaskReturnsTheTask() {
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		StorageTask task = this.blocking.getTask("t1", "op");
		assertThat(task.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
		assertThat(task.successCount()).isEqualTo(3);
	}

	@Test
	void aFailureIsThrownAsTheSameTypeTheReactiveCallFailsWith() {
		this.server.enqueue(error(404, "taskNotExist", "no such task"));
		assertThatExceptionOfType(StorageTaskNotFoundException.class)
			.isThrownBy(() -> this.blocking.getTask("t1", "op"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(404));
	}

	@Test
	void aBlankArgumentIsAnIllegalArgumentAndSendsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.blocking.getTask(" ", "op"));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void awaitTaskReturnsTheTerminalTask() {
		this.server.enqueue(task("IN_PROGRESS", 10, 3));
		this.server.enqueue(task("SUCCESS", 10, 10));
		assertThat(this.blocking.awaitTask("t1").status()).isEqualTo(StorageTaskStatus.SUCCESS);
	}

	@Test
	void awaitTaskThrowsTheTimeoutWithTheLastStateSeen() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return task("IN_PROGRESS", 10, 3);
			}
		});
		assertThatExceptionOfType(StorageTaskTimeoutException.class)
			.isThrownBy(() -> this.blocking.awaitTask("t1", "op", Duration.ofMillis(300)))
			.satisfies((ex) -> assertThat(ex.getLastState()).isNotNull());
	}

	@Test
	void aCallThatDoesNotEndWithinTheCallTimeoutIsATransportErrorAndIsCancelled() {
		NeverEndingStorageTaskOperations never = new NeverEndingStorageTaskOperations();
		BlockingStorageTaskOperations shortBound = BlockingStorageTaskOperations.of(never, Duration.ofMillis(200),
				Duration.ofSeconds(1));
		assertThatExceptionOfType(DingTalkTransportException.class).isThrownBy(() -> shortBound.getTask("t1", "op"))
			.withMessageContaining("PT0.2S");
		assertThat(never.cancelled()).isEqualTo(1);
	}

	@Test
	void anInterruptCancelsTheCallAndKeepsTheThreadInterrupted() throws Exception {
		NeverEndingStorageTaskOperations never = new NeverEndingStorageTaskOperations();
		BlockingStorageTaskOperations blocking = BlockingStorageTaskOperations.of(never, Duration.ofMinutes(10),
				Duration.ofMinutes(10));
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicBoolean stillInterrupted = new AtomicBoolean();
		Thread caller = new Thread(() -> {
			try {
				blocking.getTask("t1", "op");
			}
			catch (RuntimeException ex) {
				thrown.set(ex);
				stillInterrupted.set(Thread.currentThread().isInterrupted());
			}
		});
		caller.start();
		await().atMost(Duration.ofSeconds(30)).until(() -> caller.getState() == Thread.State.TIMED_WAITING);
		caller.interrupt();
		caller.join(30_000);
		assertThat(thrown.get()).isInstanceOf(DingTalkException.class).hasMessageContaining("interrupted");
		assertThat(stillInterrupted).isTrue();
		assertThat(never.cancelled()).isEqualTo(1);
	}

	@Test
	void getTaskFromAThreadThatMustNotBlockFailsAtOnce() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Mono.fromCallable(() -> this.blocking.getTask("t1", "op"))
				.subscribeOn(Schedulers.parallel())
				.block(Duration.ofSeconds(30)))
			.withMessageContaining("must not block")
			.withMessageContaining("use StorageTaskOperations there");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void aThousandThreadsBlockingAtOnceAllGetTheirTask() throws Exception {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return task("SUCCESS", 1, 1);
			}
		});
		ExecutorService threads = Executors.newFixedThreadPool(1000);
		try {
			List<Future<StorageTask>> calls = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				String taskId = "t-" + i;
				calls.add(threads.submit(() -> this.blocking.getTask(taskId, "op")));
			}
			for (Future<StorageTask> call : calls) {
				assertThat(call.get(2, TimeUnit.MINUTES).isTerminal()).isTrue();
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(this.server.getRequestCount()).isEqualTo(1000);
	}

	@Test
	void awaitTaskFromAThreadThatMustNotBlockFailsAtOnce() {
		assertThatIllegalStateException()
			.isThrownBy(() -> Mono.fromCallable(() -> this.blocking.awaitTask("t1"))
				.subscribeOn(Schedulers.parallel())
				.block(Duration.ofSeconds(30)))
			.withMessageContaining("must not block");
		assertThat(this.server.getRequestCount()).isZero();
	}

}
