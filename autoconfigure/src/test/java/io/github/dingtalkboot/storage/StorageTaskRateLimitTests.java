package io.github.dingtalkboot.storage;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import io.github.dingtalkboot.auth.FixedAccessTokenSupplier;
import io.github.dingtalkboot.core.AdaptiveRateLimiter;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkHttpClient;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared client-side rate limit against a server that counts requests per second.
 */
class StorageTaskRateLimitTests {

	private final List<Long> arrivals = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> pollsPerTask = new ConcurrentHashMap<>();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private DingTalkHttpClient http;

	@BeforeEach
	void start() {
		this.http = DingTalkTestClients.http(this.server);
	}

	@AfterEach
	void stop() {
		this.http.close();
	}

	@Test
	void sixtyWatchersPollingEveryTenMillisecondsStayUnderTheLimitAndAllFinish() {
		// every task answers IN_PROGRESS with a new count on its first poll, SUCCESS on its second
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
		StorageTaskSettings everyTenMillis = new StorageTaskSettings("op", Duration.ofMillis(10),
				Duration.ofMillis(10), 1, Duration.ofMinutes(1));
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), everyTenMillis,
				new AdaptiveRateLimiter(20));
		List<StorageTask> finished = Flux.range(0, 60)
			.flatMap((i) -> client.awaitTask("task-" + i, "op", Duration.ofMinutes(1)))
			.collectList()
			.block(Duration.ofSeconds(60));
		assertThat(finished).hasSize(60).allSatisfy((task) -> assertThat(task.isTerminal()).isTrue());
		assertThat(this.arrivals).hasSize(120);
		// the limiter grants at most 21 slots in any second; one more may arrive through scheduling jitter
		assertThat(maxInAnySecond(this.arrivals)).as("requests in any one-second window").isLessThanOrEqualTo(22);
	}

	@Test
	void aQpsLimitAnswerLowersTheRateAndTheCallStillSucceeds() {
		this.server.enqueue(error(403, DingTalkErrorCodes.QPS_LIMIT_APP, "too fast"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		AdaptiveRateLimiter limiter = new AdaptiveRateLimiter(20);
		StorageTaskClient client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				StorageTaskSettings.defaults(), limiter);
		assertThat(client.getTask("t", "op").block(Duration.ofSeconds(5)).isTerminal()).isTrue();
		assertThat(limiter.currentRate()).isEqualTo(10);
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
				StorageTaskSettings.defaults(), new AdaptiveRateLimiter(10));
		Flux.range(0, 25).flatMap((i) -> client.getTask("t" + i, "op")).blockLast(Duration.ofSeconds(30));
		assertThat(this.arrivals).hasSize(25);
		assertThat(maxInAnySecond(this.arrivals)).isLessThanOrEqualTo(12);
		assertThat(this.arrivals.get(24) - this.arrivals.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toMillis(2300));
	}

	private static int maxInAnySecond(List<Long> millis) {
		List<Long> sorted = millis.stream().sorted().toList();
		int max = 0;
		for (int i = 0; i < sorted.size(); i++) {
			int count = 0;
			for (int j = i; j < sorted.size() && sorted.get(j) < sorted.get(i) + 1000; j++) {
				count++;
			}
			max = Math.max(max, count);
		}
		return max;
	}

}
