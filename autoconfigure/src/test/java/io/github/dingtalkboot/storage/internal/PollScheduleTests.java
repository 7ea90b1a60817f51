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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one poll schedule behind {@code watchTask}, {@code awaitTask} and the tracker, in
 * virtual time.
 */
class PollScheduleTests {

	private static final StorageTaskSettings SETTINGS = StorageTaskSettings.builder()
		.defaultUnionId(null)
		.poll(Duration.ofMillis(500), Duration.ofSeconds(5), 1.5)
		.awaitTimeout(Duration.ofMinutes(10))
		.build();

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final List<Long> pollTimes = new ArrayList<>();

	private StorageTask[] answers = {};

	private final PollSchedule schedule = new PollSchedule(
			(corpId, taskId, unionId, limiter) -> Mono.fromSupplier(this::answer), null, SETTINGS, this.time);

	@AfterEach
	void stop() {
		this.time.dispose();
	}

	@Test
	void withoutCountsTheDelayGrowsWhileNothingChangesUpToTheCap() {
		StorageTask running = task(StorageTaskStatus.IN_PROGRESS, 0, 0);
		StorageTask[] script = new StorageTask[10];
		Arrays.fill(script, running);
		script[9] = task(StorageTaskStatus.SUCCESS, 0, 0);
		this.answers = script;

		StepVerifier.create(this.schedule.watch("t", "u"))
			.expectNext(running)
			.then(() -> this.time.advanceTimeBy(Duration.ofMinutes(1)))
			.expectNext(script[9])
			.verifyComplete();

		assertThat(gaps()).containsExactly(500L, 750L, 1125L, 1687L, 2531L, 3797L, 5000L, 5000L, 5000L);
	}

	@Test
	void aChangeOfStatusSetsTheDelayBackToTheInitialInterval() {
		StorageTask init = task(StorageTaskStatus.INIT, 0, 0);
		StorageTask running = task(StorageTaskStatus.IN_PROGRESS, 0, 0);
		this.answers = new StorageTask[] { init, init, init, running, running, task(StorageTaskStatus.SUCCESS, 0, 0) };

		this.schedule.watch("t", "u").subscribe();
		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(gaps()).containsExactly(500L, 750L, 1125L, 500L, 750L);
	}

	@Test
	void aTaskPredictedToEndFarAheadIsStillPolledWithinTheMaxInterval() {
		this.answers = new StorageTask[] { task(StorageTaskStatus.IN_PROGRESS, 100, 0),
				task(StorageTaskStatus.IN_PROGRESS, 100, 1), task(StorageTaskStatus.IN_PROGRESS, 100, 2),
				task(StorageTaskStatus.SUCCESS, 100, 100) };

		this.schedule.watch("t", "u").subscribe();
		this.time.advanceTimeBy(Duration.ofMinutes(5));

		// one subtask in 0.5 s predicts an end 22 s away at the earliest: a guess, so the
		// promise holds
		assertThat(gaps()).containsExactly(500L, 5000L, 5000L);
	}

	@Test
	void emitsTheFirstStateAndEachChangeAndCompletesAfterATerminalState() {
		StorageTask init = task(StorageTaskStatus.INIT, 0, 0);
		StorageTask failed = task(StorageTaskStatus.FAIL, 0, 0);
		this.answers = new StorageTask[] { init, init, failed };
		AtomicInteger answers = new AtomicInteger();

		StepVerifier.create(this.schedule.watch("t", "u", answers::incrementAndGet))
			.expectNext(init)
			.then(() -> this.time.advanceTimeBy(Duration.ofMinutes(1)))
			.expectNext(failed)
			.verifyComplete();
		assertThat(answers).as("told of every answer").hasValue(3);
	}

	@Test
	void aTaskAlreadyFinishedIsPolledOnce() {
		StorageTask done = task(StorageTaskStatus.SUCCESS, 10, 10);
		this.answers = new StorageTask[] { done };

		StepVerifier.create(this.schedule.watch("t", "u")).expectNext(done).verifyComplete();
		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(this.pollTimes).hasSize(1);
	}

	@Test
	void cancellingTheOnlyWatchStopsPolling() {
		this.answers = new StorageTask[] { task(StorageTaskStatus.IN_PROGRESS, 0, 0) };
		Disposable watch = this.schedule.watch("t", "u").subscribe();
		this.time.advanceTimeBy(Duration.ofMillis(500));

		watch.dispose();
		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(this.pollTimes).hasSize(2);
	}

	@Test
	void twoWatchesOfOneTaskShareItsPolls() {
		this.answers = new StorageTask[] { task(StorageTaskStatus.IN_PROGRESS, 0, 0) };
		AtomicInteger first = new AtomicInteger();
		AtomicInteger second = new AtomicInteger();
		this.schedule.watch("t", "u", first::incrementAndGet).subscribe();
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		this.schedule.watch("t", "u", second::incrementAndGet).subscribe();

		this.time.advanceTimeBy(Duration.ofSeconds(10));

		List<Long> alone = new ArrayList<>(this.pollTimes);
		assertThat(alone).hasSize(7);
		assertThat(first).hasValue(7);
		assertThat(second).as("the state known when it joined, then every poll after").hasValue(1 + 7 - 2);
	}

	@Test
	void cancellingOneOfTwoWatchesKeepsTheOtherPolled() {
		this.answers = new StorageTask[] { task(StorageTaskStatus.IN_PROGRESS, 0, 0) };
		Disposable first = this.schedule.watch("t", "u").subscribe();
		AtomicInteger second = new AtomicInteger();
		this.schedule.watch("t", "u", second::incrementAndGet).subscribe();

		first.dispose();
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		assertThat(this.pollTimes).hasSizeGreaterThan(5);
		assertThat(second).hasValue(this.pollTimes.size());
	}

	@Test
	void aFailedPollFailsEveryWatchAndEndsPolling() {
		DingTalkApiException gone = new DingTalkApiException(
				new DingTalkError(400, "taskNotExist", "task not exist", null, null));
		PollSchedule failing = new PollSchedule((corpId, taskId, unionId, limiter) -> Mono.fromCallable(() -> {
			this.pollTimes.add(this.time.now(TimeUnit.MILLISECONDS));
			throw gone;
		}), null, SETTINGS, this.time);

		StepVerifier.create(failing.watch("t", "u"))
			.expectErrorSatisfies((ex) -> assertThat(ex).isSameAs(gone))
			.verify();
		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(this.pollTimes).hasSize(1);
	}

	@Test
	void closingEndsEveryWatchEvenWhenCancellingAPollInFlightThrows() {
		// Reactor Netty throws when a call is cancelled after its event loop has ended,
		// which the client's own shutdown may do before the schedule hears of it
		Sinks.Empty<Void> closing = Sinks.empty();
		Subscription terminatedLoop = new Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
				throw new RejectedExecutionException("event executor terminated");
			}

		};
		PollSchedule hanging = new PollSchedule(
				(corpId, taskId, unionId, limiter) -> Mono.from((subscriber) -> subscriber.onSubscribe(terminatedLoop)),
				null, SETTINGS, this.time, closing.asMono());
		List<Throwable> endings = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			hanging.watch("t" + i, "u").subscribe(null, endings::add);
		}

		closing.tryEmitError(new DingTalkClientClosedException("closed"));
		this.time.advanceTime();

		assertThat(endings).hasSize(3)
			.allSatisfy((ex) -> assertThat(ex).isInstanceOf(DingTalkClientClosedException.class));
	}

	private StorageTask answer() {
		this.pollTimes.add(this.time.now(TimeUnit.MILLISECONDS));
		return this.answers[Math.min(this.pollTimes.size() - 1, this.answers.length - 1)];
	}

	private List<Long> gaps() {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < this.pollTimes.size(); i++) {
			gaps.add(this.pollTimes.get(i) - this.pollTimes.get(i - 1));
		}
		return gaps;
	}

	private static StorageTask task(StorageTaskStatus status, long total, long done) {
		return new StorageTask("t", status, total, done, 0, null, null, null);
	}

}
