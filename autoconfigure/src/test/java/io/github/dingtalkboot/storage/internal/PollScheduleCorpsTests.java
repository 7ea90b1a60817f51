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
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.VirtualRateLimiters;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.testsupport.TaskShapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.scheduler.Schedulers;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corps of a third-party app share the app's rate limit and take turns in the poll
 * schedule: a corp with thousands of tasks does not delay another corp's few (virtual
 * time).
 */
class PollScheduleCorpsTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private static final StorageTaskSettings SETTINGS = DefaultSettings.storage().withUnionId("union");

	@Test
	void aSmallCorpsTasksAreSeenEndedAsSoonBesideACorpWithTwoThousandAsAlone() {
		List<Long> alone = smallCorpDelays(0);
		List<Long> beside = smallCorpDelays(2000);

		System.out.printf("small corp's 5 tasks, seen ended after (ms): alone %s, beside 2,000 %s%n", millis(alone),
				millis(beside));
		// alone 47-381 ms, beside 163-381 ms; without turns the big corp's polls went
		// first and these took 6.4 to 94.7 s
		for (int i = 0; i < alone.size(); i++) {
			assertThat(beside.get(i)).as("task %d", i).isLessThanOrEqualTo(alone.get(i) + SECOND / 4);
		}
	}

	@Test
	void aSmallCorpsTrackedTasksAreAnnouncedAsSoonBesideACorpTrackingTwoThousand() {
		List<Long> alone = smallCorpTrackedDelays(0);
		List<Long> beside = smallCorpTrackedDelays(2000);

		System.out.printf("small corp's 5 tracked tasks, announced after (ms): alone %s, beside 2,000 %s%n",
				millis(alone), millis(beside));
		for (int i = 0; i < alone.size(); i++) {
			assertThat(beside.get(i)).as("task %d", i).isLessThanOrEqualTo(alone.get(i) + SECOND / 4);
		}
	}

	/** The same through the tracker: the corps' tasks tracked, announced by events. */
	private static List<Long> smallCorpTrackedDelays(int bigCorpTasks) {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		try {
			FakeTasks dingtalk = new FakeTasks(time);
			PollSchedule schedule = new PollSchedule(dingtalk, VirtualRateLimiters.on(20, Duration.ofDays(1), time),
					SETTINGS, time);
			Map<String, Long> announced = new ConcurrentHashMap<>();
			EventListeners listeners = (event) -> List.of(new EventListeners.Listener(announced, () -> {
				String taskId = ((StorageTaskCompletedEvent) event).getTrackedTask().taskId();
				announced.put(taskId, time.now(TimeUnit.NANOSECONDS));
			}));
			TaskTracker tracker = new TaskTracker(schedule, new InMemoryTrackedTaskStore(), DefaultSettings.tracker(),
					listeners, TrackerMetrics.NONE, Schedulers.immediate(), true);
			tracker.start();
			List<String> small = track(tracker, dingtalk, "small", 5, TaskShapes.REAL, new Random(7));
			track(tracker, dingtalk, "big", bigCorpTasks, TaskShapes.LINEAR, new Random(8));
			time.advanceTimeBy(Duration.ofMinutes(5));

			List<Long> delays = new ArrayList<>();
			for (String taskId : small) {
				assertThat(announced).containsKey(taskId);
				delays.add(announced.get(taskId) - dingtalk.endOf(taskId));
			}
			return delays;
		}
		finally {
			time.dispose();
		}
	}

	private static List<String> track(TaskTracker tracker, FakeTasks dingtalk, String corp, int tasks, TaskShapes shape,
			Random random) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < tasks; i++) {
			String taskId = corp + "-" + i;
			dingtalk.task(taskId, shape.draw(random, Duration.ofSeconds(5), Duration.ofSeconds(60)));
			ids.add(taskId);
			tracker.forCorp(corp).track(taskId, "union", Map.of()).block();
		}
		return ids;
	}

	@Test
	void theBigCorpStillGetsTheSlotsTheSmallOneLeaves() {
		Run run = run(TaskShapes.REAL, TaskShapes.LINEAR, 2000, Duration.ofMinutes(10));

		assertThat(run.seen()).hasSize(2005);
		long polls = run.dingtalk().polls().stream().filter((poll) -> poll.at() < 100 * SECOND).count();
		assertThat(polls).as("polls in the first 100 s, at 20 a second").isGreaterThanOrEqualTo(1900);
	}

	static List<Arguments> shapePairs() {
		List<Arguments> pairs = new ArrayList<>();
		for (TaskShapes small : List.of(TaskShapes.REAL, TaskShapes.ONE_SUBTASK, TaskShapes.PAUSED)) {
			for (TaskShapes big : List.of(TaskShapes.LINEAR, TaskShapes.INIT_LINEAR, TaskShapes.REAL)) {
				pairs.add(Arguments.of(small, big));
			}
		}
		return pairs;
	}

	@ParameterizedTest(name = "5 x {0} beside 2,000 x {1}")
	@MethodSource("shapePairs")
	void whateverTheShapesASmallCorpIsNotPushedBackByABigOne(TaskShapes small, TaskShapes big) {
		List<Long> alone = smallCorpDelays(small, big, 0);
		List<Long> beside = smallCorpDelays(small, big, 2000);

		System.out.printf("5 x %s beside 2,000 x %s, seen ended after (ms): alone %s, beside %s%n", small, big,
				millis(alone), millis(beside));
		for (int i = 0; i < alone.size(); i++) {
			assertThat(beside.get(i)).as("task %d", i).isLessThanOrEqualTo(alone.get(i) + SECOND / 4);
		}
	}

	private List<Long> smallCorpDelays(int bigCorpTasks) {
		return smallCorpDelays(TaskShapes.REAL, TaskShapes.LINEAR, bigCorpTasks);
	}

	private List<Long> smallCorpDelays(TaskShapes smallShape, TaskShapes bigShape, int bigCorpTasks) {
		Run run = run(smallShape, bigShape, bigCorpTasks, Duration.ofMinutes(5));
		List<Long> delays = new ArrayList<>();
		for (String taskId : run.small()) {
			assertThat(run.seen()).containsKey(taskId);
			delays.add(run.seen().get(taskId) - run.dingtalk().endOf(taskId));
		}
		return delays;
	}

	/** Five bulk moves of a small corp beside the big corp's tasks, for a while. */
	private static Run run(TaskShapes smallShape, TaskShapes bigShape, int bigCorpTasks, Duration duration) {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		try {
			FakeTasks dingtalk = new FakeTasks(time);
			DingTalkRateLimiter limiter = VirtualRateLimiters.on(20, Duration.ofDays(1), time);
			PollSchedule schedule = new PollSchedule(dingtalk, limiter, SETTINGS, time);
			Map<String, Long> seen = new ConcurrentHashMap<>();
			List<String> small = follow(schedule, dingtalk, "small", 5, smallShape, new Random(7), seen, time);
			follow(schedule, dingtalk, "big", bigCorpTasks, bigShape, new Random(8), seen, time);
			time.advanceTimeBy(duration);
			return new Run(dingtalk, seen, small);
		}
		finally {
			time.dispose();
		}
	}

	private static List<String> follow(PollSchedule schedule, FakeTasks dingtalk, String corp, int tasks,
			TaskShapes shape, Random random, Map<String, Long> seen, VirtualTimeScheduler time) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < tasks; i++) {
			String taskId = corp + "-" + i;
			dingtalk.task(taskId, shape.draw(random, Duration.ofSeconds(5), Duration.ofSeconds(60)));
			ids.add(taskId);
			schedule.watch(corp, taskId, "union", () -> {
			}).last().subscribe((task) -> seen.put(taskId, time.now(TimeUnit.NANOSECONDS)));
		}
		return ids;
	}

	private static List<Long> millis(List<Long> nanos) {
		return nanos.stream().map((each) -> each / 1_000_000).toList();
	}

	private record Run(FakeTasks dingtalk, Map<String, Long> seen, List<String> small) {
	}

}
