package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polling schedule of {@code watchTask} and {@code awaitTask}, in virtual time.
 */
class TaskPollerTests {

	private static final StorageTaskSettings SETTINGS = StorageTaskSettings.builder()
		.defaultUnionId(null)
		.poll(Duration.ofMillis(500), Duration.ofSeconds(5), 1.5)
		.awaitTimeout(Duration.ofMinutes(10))
		.build();

	private final List<Long> pollTimes = new ArrayList<>();

	private static StorageTask task(StorageTaskStatus status, long done) {
		return new StorageTask("t", status, 10, done, 0, null, null, null);
	}

	/** Answers the given states in order, recording the virtual time of each poll. */
	private Mono<StorageTask> script(StorageTask... answers) {
		return Mono.fromSupplier(() -> {
			this.pollTimes.add(Schedulers.parallel().now(java.util.concurrent.TimeUnit.MILLISECONDS));
			return answers[Math.min(this.pollTimes.size() - 1, answers.length - 1)];
		});
	}

	private List<Long> gaps() {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < this.pollTimes.size(); i++) {
			gaps.add(this.pollTimes.get(i) - this.pollTimes.get(i - 1));
		}
		return gaps;
	}

	@Test
	void theDelayGrowsWhileNothingChangesUpToTheCap() {
		StorageTask running = task(StorageTaskStatus.IN_PROGRESS, 1);
		StorageTask[] answers = new StorageTask[10];
		java.util.Arrays.fill(answers, running);
		answers[9] = task(StorageTaskStatus.SUCCESS, 10);
		StepVerifier.withVirtualTime(() -> TaskPoller.poll(script(answers), SETTINGS))
			.expectNext(running)
			.thenAwait(Duration.ofMinutes(1))
			.expectNext(answers[9])
			.verifyComplete();
		assertThat(gaps()).containsExactly(500L, 750L, 1125L, 1687L, 2531L, 3797L, 5000L, 5000L, 5000L);
	}

	@Test
	void aChangeSetsTheDelayBackToTheInitialInterval() {
		StepVerifier
			.withVirtualTime(
					() -> TaskPoller.poll(
							script(task(StorageTaskStatus.IN_PROGRESS, 1), task(StorageTaskStatus.IN_PROGRESS, 1),
									task(StorageTaskStatus.IN_PROGRESS, 1), task(StorageTaskStatus.IN_PROGRESS, 2),
									task(StorageTaskStatus.IN_PROGRESS, 2), task(StorageTaskStatus.SUCCESS, 10)),
							SETTINGS))
			.thenAwait(Duration.ofMinutes(1))
			.expectNextCount(3)
			.verifyComplete();
		assertThat(gaps()).containsExactly(500L, 750L, 1125L, 500L, 750L);
	}

	@Test
	void emitsTheFirstStateAndEachChangeOnceAndCompletesAfterATerminalState() {
		StorageTask init = task(StorageTaskStatus.INIT, 0);
		StorageTask three = task(StorageTaskStatus.IN_PROGRESS, 3);
		StorageTask failed = task(StorageTaskStatus.FAIL, 3);
		StepVerifier.withVirtualTime(() -> TaskPoller.poll(script(init, three, three, three, failed), SETTINGS))
			.thenAwait(Duration.ofMinutes(1))
			.expectNext(init, three, failed)
			.verifyComplete();
		assertThat(this.pollTimes).hasSize(5);
	}

	@Test
	void aTaskAlreadyFinishedIsPolledOnce() {
		StorageTask done = task(StorageTaskStatus.SUCCESS, 10);
		StepVerifier.withVirtualTime(() -> TaskPoller.poll(script(done), SETTINGS)).expectNext(done).verifyComplete();
		assertThat(this.pollTimes).hasSize(1);
	}

	@Test
	void cancellingStopsPolling() {
		StorageTask running = task(StorageTaskStatus.IN_PROGRESS, 1);
		StepVerifier.withVirtualTime(() -> TaskPoller.poll(script(running), SETTINGS))
			.expectNext(running)
			.thenAwait(Duration.ofMillis(500))
			.thenCancel()
			.verify();
		int polls = this.pollTimes.size();
		assertThat(polls).isEqualTo(2);
	}

}
