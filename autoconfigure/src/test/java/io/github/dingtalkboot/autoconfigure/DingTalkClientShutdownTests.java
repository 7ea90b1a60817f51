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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing the application context stops everything the DingTalk client started.
 */
class DingTalkClientShutdownTests {

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class));

	private ApplicationContextRunner client(String... properties) {
		return this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.access-token=tok", "dingtalk.storage.union-id=op", "dingtalk.rate-limit.enabled=false",
					"dingtalk.storage.poll.initial-interval=20ms", "dingtalk.storage.poll.max-interval=20ms")
			.withPropertyValues(properties);
	}

	/**
	 * The requests the server has read once it has read for 300 ms no more: on a loaded
	 * machine a request the client sent before the close may be read after it. A client
	 * that still polled (every 20 ms, 500 watches) would never let the count settle.
	 */
	private int requestsOnceTheServerHasReadAllSent() throws InterruptedException {
		int count = this.server.getRequestCount();
		for (int i = 0; i < 20; i++) {
			Thread.sleep(300);
			int now = this.server.getRequestCount();
			if (now == count) {
				return count;
			}
			count = now;
		}
		throw new AssertionError("the server kept receiving requests after the close");
	}

	@Test
	void closingTheContextEndsEveryRunningWatchWithAClosedExceptionAndStopsPolling() {
		answerInProgressForever();
		client().run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			int watches = 500;
			CountDownLatch ended = new CountDownLatch(watches);
			List<Throwable> endings = new CopyOnWriteArrayList<>();
			for (int i = 0; i < watches; i++) {
				operations.watchTask("task-" + i).subscribe(null, (ex) -> {
					endings.add(ex);
					ended.countDown();
				}, ended::countDown);
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> this.server.getRequestCount() >= 2 * watches);
			context.close();
			assertThat(ended.await(10, TimeUnit.SECONDS)).as("every watch ended").isTrue();
			assertThat(endings).hasSize(watches)
				.allSatisfy((ex) -> assertThat(ex).isInstanceOf(DingTalkClientClosedException.class));
			int requestsAtClose = requestsOnceTheServerHasReadAllSent();
			Thread.sleep(1000);
			assertThat(this.server.getRequestCount()).as("no request after close").isEqualTo(requestsAtClose);
		});
	}

	@Test
	void awaitTaskRunningWhenTheContextClosesEndsWithAClosedException() {
		answerInProgressForever();
		client().run((context) -> {
			Mono<StorageTask> waiting = context.getBean(StorageTaskOperations.class)
				.awaitTask("t", "op", Duration.ofMinutes(5))
				.cache();
			waiting.subscribe(null, (ex) -> {
			});
			await().atMost(Duration.ofSeconds(30)).until(() -> this.server.getRequestCount() >= 2);
			context.close();
			StepVerifier.create(waiting)
				.expectError(DingTalkClientClosedException.class)
				.verify(Duration.ofSeconds(30));
		});
	}

	@Test
	void aCallAfterCloseFailsAtOnceAndSendsNothing() {
		client().run((context) -> {
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			context.close();
			StepVerifier.create(operations.getTask("t")).expectErrorSatisfies((ex) -> {
				assertThat(ex).isInstanceOf(DingTalkClientClosedException.class);
				assertThat(((DingTalkException) ex).getAttempts()).isZero();
			}).verify(Duration.ofSeconds(30));
			StepVerifier.create(operations.watchTask("t"))
				.expectError(DingTalkClientClosedException.class)
				.verify(Duration.ofSeconds(30));
			assertThat(this.server.getRequestCount()).isZero();
		});
	}

	@Test
	void theClientsOwnEventLoopThreadsEndWithTheContext() {
		this.server.enqueue(task("SUCCESS", 1, 1));
		// other clients of this JVM (other tests) may have event loops of the same name:
		// follow this one's only
		Set<Thread> before = dingTalkThreads();
		client().run((context) -> {
			context.getBean(StorageTaskOperations.class).getTask("t").block(Duration.ofSeconds(30));
			Set<Thread> own = dingTalkThreads();
			own.removeAll(before);
			assertThat(own).isNotEmpty();
			context.close();
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(own).noneMatch(Thread::isAlive));
		});
	}

	@Test
	void aCallInFlightFinishesWithinTheGracePeriod() {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(1, TimeUnit.SECONDS).build());
		client("dingtalk.shutdown.grace-period=30s").run((context) -> {
			Mono<StorageTask> inFlight = context.getBean(StorageTaskOperations.class).getTask("t").cache();
			inFlight.subscribe(null, (ex) -> {
			});
			this.server.takeRequest(30, TimeUnit.SECONDS);
			context.close();
			StepVerifier.create(inFlight).expectNextCount(1).verifyComplete();
		});
	}

	@Test
	void aCallStillRunningAfterTheGracePeriodEndsWithAClosedException() {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(60, TimeUnit.SECONDS).build());
		client("dingtalk.shutdown.grace-period=100ms", "dingtalk.http.response-timeout=120s").run((context) -> {
			AtomicReference<Throwable> failure = new AtomicReference<>();
			CountDownLatch ended = new CountDownLatch(1);
			context.getBean(StorageTaskOperations.class).getTask("t").subscribe(null, (ex) -> {
				failure.set(ex);
				ended.countDown();
			}, ended::countDown);
			this.server.takeRequest(30, TimeUnit.SECONDS);
			context.close();
			assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
			assertThat(failure.get()).isInstanceOf(DingTalkClientClosedException.class)
				.hasMessageContaining("grace period");
		});
	}

	private void answerInProgressForever() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return task("IN_PROGRESS", 10, 1 + (int) (Math.random() * 8));
			}
		});
	}

	private static Set<Thread> dingTalkThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("dingtalk-http"))
			.collect(Collectors.toCollection(HashSet::new));
	}

}
