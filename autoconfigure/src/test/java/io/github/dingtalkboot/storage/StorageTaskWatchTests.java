package io.github.dingtalkboot.storage;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

import io.github.dingtalkboot.auth.FixedAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkHttpClient;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.json;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code watchTask} and {@code awaitTask} against a real HTTP server (short poll intervals; the
 * schedule itself is covered in virtual time by {@link TaskPollerTests}).
 */
class StorageTaskWatchTests {

	private static final StorageTaskSettings FAST = new StorageTaskSettings("op", Duration.ofMillis(10),
			Duration.ofMillis(40), 1.5, Duration.ofSeconds(5));

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private DingTalkHttpClient http;

	private StorageTaskClient client;

	@BeforeEach
	void start() {
		this.http = DingTalkTestClients.http(this.server);
		this.client = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"), FAST, null);
	}

	@AfterEach
	void stop() {
		this.http.close();
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
		List<StorageTask> states = this.client.watchTask("t1", "op").collectList().block(Duration.ofSeconds(10));
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
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void watchTaskWithoutUnionIdUsesTheDefaultOperator() throws Exception {
		this.server.enqueue(task("SUCCESS", 1, 1));
		StepVerifier.create(this.client.watchTask("t1")).expectNextCount(1).verifyComplete();
		assertThat(this.server.takeRequest(1, TimeUnit.SECONDS).getUrl().queryParameter("unionId")).isEqualTo("op");
	}

	@Test
	void watchTaskWithoutADefaultOperatorFailsNamingThePropertyAndSendsNothing() {
		StorageTaskClient noDefault = new StorageTaskClient(this.http, new FixedAccessTokenSupplier("tok"),
				StorageTaskSettings.defaults(), null);
		StepVerifier.create(noDefault.watchTask("t1"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("dingtalk.storage.union-id"))
			.verify();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cancellingAWatchSendsNoFurtherRequest() throws Exception {
		for (int i = 0; i < 50; i++) {
			this.server.enqueue(task("IN_PROGRESS", 10, i));
		}
		// take(3) cancels the watch right after its third state
		this.client.watchTask("t1", "op").take(3).blockLast(Duration.ofSeconds(10));
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
		Thread.sleep(200);
		watch.dispose();
		int sent = this.server.getRequestCount();
		Thread.sleep(300);
		assertThat(this.server.getRequestCount()).isEqualTo(sent);
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
		for (int i = 0; i < 200; i++) {
			this.server.enqueue(task("IN_PROGRESS", 10, 4));
		}
		StepVerifier.create(this.client.awaitTask("t1", "op", Duration.ofSeconds(1))).expectErrorSatisfies((ex) -> {
			assertThat(ex).isInstanceOf(StorageTaskTimeoutException.class).hasMessageContaining("t1");
			StorageTask last = ((StorageTaskTimeoutException) ex).getLastState();
			assertThat(last.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
			assertThat(last.successCount()).isEqualTo(4);
		}).verify(Duration.ofSeconds(5));
		int sent = this.server.getRequestCount();
		Thread.sleep(200);
		assertThat(this.server.getRequestCount()).isEqualTo(sent);
	}

	@Test
	void awaitTaskTimesOutWithoutStateWhenNoAnswerCameInTime() {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(2, TimeUnit.SECONDS).build());
		StepVerifier.create(this.client.awaitTask("t1", "op", Duration.ofMillis(200)))
			.expectErrorSatisfies((ex) -> assertThat(((StorageTaskTimeoutException) ex).getLastState()).isNull())
			.verify(Duration.ofSeconds(5));
	}

}
