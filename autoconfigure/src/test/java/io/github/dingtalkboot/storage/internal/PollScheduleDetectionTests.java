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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.VirtualRateLimiters;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.testsupport.SlidingSecond;
import io.github.dingtalkboot.testsupport.TaskShapes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How soon the schedule sees tasks end, and how long any task waits between two polls, in
 * virtual time: N tasks of one {@link TaskShapes shape} (INIT phases, 1 to 1,000
 * subtasks, lumps, a stall, a failure halfway, a begin time an hour off), all followed
 * from the moment they are created, under DingTalk's 20 requests per second, with the
 * application's own {@code getTask} once a second. The same scenarios as
 * {@code TrackingBenchmark}, without the noise of a real clock.
 */
class PollScheduleDetectionTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final StorageTaskSettings SETTINGS = DefaultSettings.storage().withUnionId("union");

	/**
	 * A poll due at its promise still waits for its rate-limit slot, behind at most one
	 * other.
	 */
	private static final long TWO_SLOTS = SECOND / 10;

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final FakeTasks dingtalk = new FakeTasks(this.time);

	// no max-wait: the comparison replays the design before one schedule (4caec4c), when
	// a thousand watches queued for their own slots for minutes; the schedule itself
	// never holds more than one slot
	private final DingTalkRateLimiter limiter = VirtualRateLimiters.on(20, Duration.ofDays(1), this.time);

	private final PollSchedule schedule = new PollSchedule(this.dingtalk, this.limiter, SETTINGS, this.time);

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	private final List<Long> interactive = new ArrayList<>();

	private final List<Long> interactiveSent = new ArrayList<>();

	@AfterEach
	void stop() {
		this.time.dispose();
	}

	static List<Arguments> lightLoads() {
		List<Arguments> cases = new ArrayList<>();
		for (TaskShapes shape : TaskShapes.values()) {
			for (int tasks : new int[] { 1, 5, 20 }) {
				cases.add(Arguments.of(shape, tasks));
			}
		}
		return cases;
	}

	@ParameterizedTest(name = "{1} x {0}")
	@MethodSource("lightLoads")
	void whileSlotsAreSpareNoTaskWaitsLongerThanTheMaxIntervalBetweenTwoPolls(TaskShapes shape, int tasks) {
		Run run = follow(shape, tasks, Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(run.longestGap()).isLessThanOrEqualTo(SETTINGS.maxPollInterval().toNanos() + TWO_SLOTS);
	}

	@ParameterizedTest(name = "{1} x {0}")
	@MethodSource("lightLoads")
	void noTaskIsPolledMoreOftenThanTheInitialInterval(TaskShapes shape, int tasks) {
		Run run = follow(shape, tasks, Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(run.shortestGap()).isGreaterThanOrEqualTo(SETTINGS.initialPollInterval().toNanos());
	}

	@ParameterizedTest(name = "{1} x {0}")
	@MethodSource("lightLoads")
	void atLightLoadTasksAreSeenEndedWithinASecondMostlyAndTheMaxIntervalAlways(TaskShapes shape, int tasks) {
		Run run = follow(shape, tasks, Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(run.percentile(0.5)).isLessThanOrEqualTo(SECOND);
		assertThat(run.percentile(0.99)).isLessThanOrEqualTo(SETTINGS.maxPollInterval().toNanos());
	}

	@ParameterizedTest(name = "{1} x {0}")
	@MethodSource("lightLoads")
	void atLightLoadTheRateLimitHoldsAndTheApplicationsOwnCallsGoFirst(TaskShapes shape, int tasks) {
		Run run = follow(shape, tasks, Duration.ofSeconds(5), Duration.ofSeconds(60));

		assertThat(run.busiestSecond()).isLessThanOrEqualTo(21);
		assertThat(this.interactive).allSatisfy((wait) -> assertThat(wait).isLessThan(SECOND / 5));
	}

	@Test
	void twoHundredLinearTasksAreSeenEndedWithinTwoSecondsAlmostAlways() {
		Run run = follow(TaskShapes.LINEAR, 200, Duration.ofSeconds(5), Duration.ofSeconds(60));

		// one watch per task polled on its own back-off: p99 9.2 s
		assertThat(run.percentile(0.99)).isLessThan(2 * SECOND);
		assertThat(run.busiestSecond()).isLessThanOrEqualTo(21);
	}

	@Test
	void aThousandLinearTasksAreSeenEndedWithinThreeSecondsMostlyAndFifteenSecondsAlmostAlways() {
		Run run = follow(TaskShapes.LINEAR, 1000, Duration.ofSeconds(30), Duration.ofSeconds(120));

		// the first polls alone take 50 s at 20 requests per second: a task that ends
		// before its first poll is seen late whatever the order
		assertThat(run.percentile(0.5)).isLessThan(3 * SECOND);
		assertThat(run.percentile(0.99)).isLessThan(15 * SECOND);
		assertThat(run.busiestSecond()).isLessThanOrEqualTo(21);
	}

	static List<Arguments> saturatedLoads() {
		return List.of(Arguments.of(TaskShapes.REAL, 200), Arguments.of(TaskShapes.THIRTY_SUBTASKS, 200),
				Arguments.of(TaskShapes.INIT_LINEAR, 200), Arguments.of(TaskShapes.PAUSED, 200),
				Arguments.of(TaskShapes.SKEWED, 200), Arguments.of(TaskShapes.LINEAR, 1000),
				Arguments.of(TaskShapes.INIT_LINEAR, 1000), Arguments.of(TaskShapes.PAUSED, 1000));
	}

	@ParameterizedTest(name = "{1} x {0}")
	@MethodSource("saturatedLoads")
	void whenTheRateIsShortTasksAreSeenEndedNoLaterThanWithOneWatchEach(TaskShapes shape, int tasks) {
		Duration shortest = Duration.ofSeconds((tasks >= 1000) ? 30 : 5);
		Duration longest = Duration.ofSeconds((tasks >= 1000) ? 120 : 60);
		PollScheduleDetectionTests oneWatchEach = new PollScheduleDetectionTests();
		Run before = oneWatchEach.follow(shape, tasks, shortest, longest, true);
		oneWatchEach.stop();

		Run run = follow(shape, tasks, shortest, longest, false);

		assertThat(run.percentile(0.5)).isLessThanOrEqualTo(before.percentile(0.5));
		assertThat(run.percentile(0.99)).isLessThanOrEqualTo(before.percentile(0.99));
	}

	private Run follow(TaskShapes shape, int tasks, Duration shortest, Duration longest) {
		return follow(shape, tasks, shortest, longest, false);
	}

	/**
	 * Follow the tasks with the shared schedule, or as before it: one watch per task,
	 * each polling on its own back-off and queueing for its own slots (commit 4caec4c).
	 */
	private Run follow(TaskShapes shape, int tasks, Duration shortest, Duration longest, boolean oneWatchEach) {
		Random random = new Random(42);
		List<String> ids = new ArrayList<>();
		long longestRun = 0;
		for (int i = 0; i < tasks; i++) {
			String taskId = "task-" + i;
			this.dingtalk.task(taskId, shape.draw(random, shortest, longest));
			longestRun = Math.max(longestRun, this.dingtalk.endOf(taskId));
			ids.add(taskId);
		}
		for (String taskId : ids) {
			(oneWatchEach ? oneWatch(taskId) : this.schedule.watch(taskId, "union")).last()
				.subscribe((task) -> this.seen.put(taskId, this.time.now(TimeUnit.NANOSECONDS)));
		}
		// and the application's own getTask once a second, as in the benchmark
		this.time.schedulePeriodically(() -> {
			long asked = this.time.now(TimeUnit.NANOSECONDS);
			this.limiter.acquire().subscribe(null, null, () -> {
				long sent = this.time.now(TimeUnit.NANOSECONDS);
				this.interactive.add(sent - asked);
				this.interactiveSent.add(sent);
			});
		}, 0, 1, TimeUnit.SECONDS);
		this.time.advanceTimeBy(Duration.ofNanos(longestRun).plusMinutes(2));
		assertThat(this.seen).hasSize(tasks);
		List<Long> delays = new ArrayList<>();
		for (String taskId : ids) {
			delays.add(this.seen.get(taskId) - this.dingtalk.endOf(taskId));
		}
		delays.sort(null);
		Map<String, Long> lastPoll = new HashMap<>();
		long longestGap = 0;
		long shortestGap = Long.MAX_VALUE;
		List<Long> times = new ArrayList<>();
		for (FakeTasks.Poll poll : this.dingtalk.polls()) {
			Long before = lastPoll.put(poll.taskId(), poll.at());
			if (before != null) {
				longestGap = Math.max(longestGap, poll.at() - before);
				shortestGap = Math.min(shortestGap, poll.at() - before);
			}
			times.add(poll.at());
		}
		times.addAll(this.interactiveSent);
		return new Run(delays, longestGap, shortestGap, SlidingSecond.most(times));
	}

	private Flux<StorageTask> oneWatch(String taskId) {
		Mono<StorageTask> poll = Mono.defer(() -> this.dingtalk.poll(null, taskId, "union", this.limiter));
		record Poll(StorageTask task, Duration delay) {
		}
		return poll.map((task) -> new Poll(task, SETTINGS.initialPollInterval()))
			.expand((previous) -> previous.task().isTerminal() ? Mono.empty() : Mono.delay(previous.delay(), this.time)
				.then(poll)
				.map((task) -> new Poll(task,
						SETTINGS.nextPollInterval(previous.delay(), !TaskProgress.same(previous.task(), task)))))
			.map(Poll::task);
	}

	/**
	 * What one run showed.
	 *
	 * @param delays detection delays (seen − ended), sorted
	 * @param longestGap the longest time between two polls of one task
	 * @param shortestGap the shortest time between two polls of one task
	 * @param busiestSecond the most polls in any sliding second
	 */
	private record Run(List<Long> delays, long longestGap, long shortestGap, int busiestSecond) {

		long percentile(double share) {
			return this.delays.get((int) Math.ceil(share * this.delays.size()) - 1);
		}

	}

}
