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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.testsupport.DingTalkTestServer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The shared client-side rate limit against a server that counts requests per second.
 */
class StorageTaskRateLimitTests {

	private final List<Long> arrivals = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> pollsPerTask = new ConcurrentHashMap<>();

	@RegisterExtension
	final DingTalkTestServer dingtalk = new DingTalkTestServer();

	private final MockWebServer server = this.dingtalk.server();

	private DingTalkHttpClient http;

	@BeforeEach
	void start() {
		this.http = this.dingtalk.http();
	}

	@Test
	void sixtyWatchersPollingEveryTenMillisecondsStayUnderTheLimitAndAllFinish() {
		// every task answers IN_PROGRESS with a new count on its first poll, SUCCESS on
		// its second
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				StorageTaskRateLimitTests.this.arrivals.add(System.nanoTime() / 1_000_000);
				int poll = StorageTaskRateLimitTests.this.pollsPerTask
					.computeIfAbsent(request.getUrl().pathSegments().get(3), (id) -> new AtomicInteger())
					.incrementAndGet();
				return (poll < 2) ? task("IN_PROGRESS", 10, poll) : task("SUCCESS", 10, 10);
			}
		});
		StorageTaskSettings everyTenMillis = StorageTaskSettings.builder()
			.defaultUnionId("op")
			.poll(Duration.ofMillis(10), Duration.ofMillis(10), 1)
			.awaitTimeout(Duration.ofMinutes(1))
			.build();
		long start = System.nanoTime() / 1_000_000;
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), everyTenMillis,
				new AdaptiveRateLimiter(20));
		List<StorageTask> finished = Flux.range(0, 60)
			.flatMap((i) -> client.awaitTask("task-" + i, "op", Duration.ofMinutes(1)))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(finished).hasSize(60).allSatisfy((task) -> assertThat(task.isTerminal()).isTrue());
		assertThat(this.arrivals).hasSize(120);
		// 120 requests evenly spaced at 20/s: the last cannot arrive before 119 slots of
		// 50 ms have passed.
		// A lower bound, which a slow machine cannot break; the spacing itself is shown
		// in virtual time by
		// AdaptiveRateLimiterTests (at most 20 grants in any one-second window).
		assertThat(lastArrival() - start).as("milliseconds until the last request").isGreaterThanOrEqualTo(119 * 50);
	}

	@Test
	void aQpsLimitAnswerLowersTheRateAndTheCallStillSucceeds() {
		this.server.enqueue(error(403, DingTalkErrorCodes.QPS_LIMIT_APP, "too fast"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20);
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), limiter);
		assertThat(client.getTask("t", "op").block(Duration.ofSeconds(30)).isTerminal()).isTrue();
		// halved from 20; the retry's success may already have given one back if a second
		// passed meanwhile
		assertThat(limiter.currentRate()).isBetween(10.0, 11.0);
	}

	@Test
	void aCallRefusedByTheLimiterFailsAtOnceUnsentUnretriedAndLowersNoRate() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				StorageTaskRateLimitTests.this.arrivals.add(System.nanoTime() / 1_000_000);
				return task("SUCCESS", 1, 1);
			}
		});
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(0.1, Duration.ofSeconds(1));
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), limiter);
		client.getTask("first", "op").block(Duration.ofSeconds(30));

		assertThatExceptionOfType(DingTalkThrottledException.class)
			.isThrownBy(() -> client.getTask("second", "op").block(Duration.ofSeconds(30)))
			.satisfies((ex) -> assertThat(ex.isRefusedByRateLimiter()).isTrue())
			.withMessageContaining("Nothing was sent");
		assertThat(this.arrivals).hasSize(1);
		assertThat(limiter.currentRate()).isEqualTo(0.1);
	}

	@Test
	void plainGetTaskCallsArePacedToo() throws Exception {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				StorageTaskRateLimitTests.this.arrivals.add(System.nanoTime() / 1_000_000);
				return task("SUCCESS", 1, 1);
			}
		});
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				DefaultSettings.storage(), new AdaptiveRateLimiter(10));
		long start = System.nanoTime() / 1_000_000;
		Flux.range(0, 25).flatMap((i) -> client.getTask("t" + i, "op")).blockLast(Duration.ofSeconds(60));
		assertThat(this.arrivals).hasSize(25);
		// 25 calls at 10/s: the last one waits for 24 slots of 100 ms (a lower bound a
		// slow machine cannot break)
		assertThat(lastArrival() - start).isGreaterThanOrEqualTo(24 * 100);
	}

	private long lastArrival() {
		return this.arrivals.stream().mapToLong(Long::longValue).max().orElseThrow();
	}

}
