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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.VirtualRateLimiters;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.testsupport.SlidingSecond;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tracker's one poll schedule and its event delivery, in virtual time, against
 * {@link FakeTasks} and the in-process rate limiter at DingTalk's 20 requests per second.
 */
class TaskTrackerTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final FakeTasks dingtalk = new FakeTasks(this.time);

	private final DingTalkRateLimiter limiter = VirtualRateLimiters.on(20, this.time);

	private final PollSchedule schedule = new PollSchedule(this.dingtalk, this.limiter,
			DefaultSettings.storage().withUnionId("union"), this.time);

	private final InMemoryTrackedTaskStore store = new InMemoryTrackedTaskStore();

	private final List<Object> events = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> counted = new ConcurrentHashMap<>();

	private final TrackerMetrics metrics = new TrackerMetrics() {

		@Override
		public void polled() {
			count("polls");
		}

		@Override
		public void event(String type, String outcome) {
			count(type + "/" + outcome);
		}

	};

	private TaskTracker tracker = tracker(DefaultSettings.tracker(), this.events::add);

	@AfterEach
	void stop() {
		this.tracker.stop(Duration.ZERO.plusMillis(1)).subscribe();
		this.time.advanceTimeBy(Duration.ofSeconds(5));
		this.time.dispose();
	}

	@Test
	void aTaskThatReportsProgressIsSeenEndedWithinASecondAndPolledAtLeastEveryMaxInterval() {
		this.dingtalk.running("t1", Duration.ofSeconds(20), 1000);
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(30));

		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(StorageTaskCompletedEvent.class,
					(event) -> assertThat(event.getTask().status()).isEqualTo(StorageTaskStatus.SUCCESS));
		List<FakeTasks.Poll> polls = this.dingtalk.polls("t1");
		long seenAt = polls.get(polls.size() - 1).at();
		assertThat(seenAt - this.dingtalk.endOf("t1")).isBetween(0L, SECOND);
		assertThat(gaps(polls)).allSatisfy(
				(gap) -> assertThat(gap).isLessThanOrEqualTo(DefaultSettings.storage().maxPollInterval().toNanos()));
	}

	@Test
	void aTaskWithoutCountsIsPolledAtLeastAsOftenAsTheWatchBackOffAndNoMoreOftenThanTheInitialInterval() {
		this.dingtalk.silent("t1", Duration.ofMinutes(2));
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(60));

		StorageTaskSettings poll = DefaultSettings.storage();
		assertThat(gaps(this.dingtalk.polls("t1"))).allSatisfy((gap) -> assertThat(gap)
			.isBetween(poll.initialPollInterval().toNanos(), poll.maxPollInterval().toNanos()));
	}

	@Test
	void aCompletedTaskIsAnnouncedOnceWithItsAttributesAndLeavesTheStore() {
		this.dingtalk.running("t1", Duration.ofSeconds(5), 10);
		this.tracker.start();
		StepVerifier.create(this.tracker.track("t1", "union", Map.of("job", "42"))).verifyComplete();

		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(this.events).singleElement().isInstanceOfSatisfying(StorageTaskCompletedEvent.class, (event) -> {
			assertThat(event.getTrackedTask().attributes()).containsEntry("job", "42");
			assertThat(event.getTrackedTask().lastState()).isEqualTo(event.getTask());
		});
		assertThat(this.store.list().collectList().block()).isEmpty();
		assertThat(this.tracker.heldTasks()).isZero();
		assertThat(this.counted).containsKey("completed/delivered");
	}

	@Test
	void aTaskDingTalkDoesNotKnowEndsTrackingAsNotFound() {
		this.dingtalk.unknown("gone");
		track("gone");

		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(StorageTaskTrackingFailedEvent.class, (event) -> {
				assertThat(event.getReason()).isEqualTo(StorageTaskTrackingFailedEvent.Reason.TASK_NOT_FOUND);
				assertThat(event.getLastException()).isInstanceOf(StorageTaskNotFoundException.class);
			});
		assertThat(this.dingtalk.polls("gone")).hasSize(1);
		assertThat(this.counted).containsKey("tracking-failed/delivered");
	}

	@Test
	void aTaskTrackedLongerThanTheMaxAgeEndsTrackingAsTooOld() {
		this.tracker = tracker(new TrackerSettings(Duration.ofMinutes(1), Duration.ofSeconds(30), 10,
				Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofDays(7)),
				this.events::add);
		this.dingtalk.silent("t1", Duration.ofHours(1));
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(this.events).isEmpty();
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(StorageTaskTrackingFailedEvent.class, (event) -> assertThat(event.getReason())
				.isEqualTo(StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED));
		int polls = this.dingtalk.polls("t1").size();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(this.dingtalk.polls("t1")).hasSize(polls);
	}

	@Test
	void aTaskStoredWithItsEndButNoDeliveryIsAnnouncedWithoutPollingAgain() {
		// the instance that saw it end died while its listeners ran
		StorageTask ended = new StorageTask("t1", StorageTaskStatus.SUCCESS, 10, 10, 0, null, null, null);
		this.store.add(new TrackedTask("t1", "union", Map.of("job", "9"), Instant.EPOCH, ended)).block();

		this.tracker.start();
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(StorageTaskCompletedEvent.class,
					(event) -> assertThat(event.getTrackedTask().attributes()).containsEntry("job", "9"));
		assertThat(this.dingtalk.polls()).isEmpty();
		assertThat(this.store.list().collectList().block()).isEmpty();
	}

	@Test
	void aListenerThatThrowsTwiceGetsTheEventAThirdTime() {
		List<Object> offered = new ArrayList<>();
		this.tracker = tracker(DefaultSettings.tracker(), (event) -> {
			offered.add(event);
			if (offered.size() <= 2) {
				throw new IllegalStateException("listener down");
			}
		});
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");

		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(offered).hasSize(3).allSatisfy((event) -> assertThat(event).isSameAs(offered.get(0)));
		assertThat(this.counted).containsOnlyKeys("polls", "completed/redelivered");
		assertThat(this.store.list().collectList().block()).isEmpty();
	}

	@Test
	void aListenerThatKeepsFailingKeepsNoOtherListenerFromTheEvent() {
		AtomicInteger failing = new AtomicInteger();
		this.tracker = new TaskTracker(this.schedule, this.store, DefaultSettings.tracker(), listeners((event) -> {
			failing.incrementAndGet();
			throw new IllegalStateException("listener down");
		}, this.events::add), this.metrics, Schedulers.immediate());
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(3));
		assertThat(this.events).as("the listener after the failing one, at the first offer").hasSize(1);

		this.time.advanceTimeBy(Duration.ofMinutes(30));
		assertThat(failing).hasValue(DefaultSettings.tracker().deliveryMaxAttempts());
		assertThat(this.events).as("and only then").hasSize(1);
		assertThat(this.counted).containsKey("completed/undelivered");
	}

	@Test
	void aListenerThatTookTheEventIsNotOfferedItAgainWhenAnotherFails() {
		AtomicInteger failing = new AtomicInteger();
		this.tracker = new TaskTracker(this.schedule, this.store, DefaultSettings.tracker(),
				listeners(this.events::add, (event) -> {
					if (failing.incrementAndGet() <= 2) {
						throw new IllegalStateException("listener down");
					}
				}), this.metrics, Schedulers.immediate());
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");

		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(failing).hasValue(3);
		assertThat(this.events).hasSize(1);
		assertThat(this.counted).containsOnlyKeys("polls", "completed/redelivered");
		assertThat(this.store.list().collectList().block()).isEmpty();
	}

	@Test
	void aListenerThatHangsKeepsNoOtherListenerFromTheEvent() {
		CountDownLatch hung = new CountDownLatch(1);
		Scheduler listenerThreads = Schedulers.newBoundedElastic(4, 100, "listeners");
		try {
			this.tracker = new TaskTracker(this.schedule, this.store, DefaultSettings.tracker(),
					listeners(hangUntil(hung), this.events::add), this.metrics, listenerThreads);
			this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
			track("t1");

			this.time.advanceTimeBy(Duration.ofMinutes(1));

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(this.events).hasSize(1));
		}
		finally {
			hung.countDown();
			listenerThreads.dispose();
		}
	}

	@Test
	void aTaskStaysTrackedUntilItsEventIsDelivered() {
		AtomicInteger offers = new AtomicInteger();
		this.tracker = tracker(DefaultSettings.tracker(), (event) -> {
			if (offers.incrementAndGet() <= 2) {
				throw new IllegalStateException("listener down");
			}
		});
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(4));

		assertThat(offers.get()).as("offered, but not yet taken").isBetween(1, 2);
		assertThat(this.store.list().map(TrackedTask::taskId).collectList().block()).containsExactly("t1");
		int polls = this.dingtalk.polls("t1").size();
		this.time.advanceTimeBy(Duration.ofMinutes(1));
		assertThat(this.dingtalk.polls("t1")).as("a task whose event is pending is not polled again").hasSize(polls);
	}

	@Test
	void anEventNoListenerTakesIsSetAsideAfterTheLastAttemptNotDropped() {
		AtomicInteger offers = new AtomicInteger();
		this.tracker = tracker(DefaultSettings.tracker(), (event) -> {
			offers.incrementAndGet();
			throw new IllegalStateException("listener down");
		});
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");

		this.time.advanceTimeBy(Duration.ofMinutes(30));

		assertThat(offers).hasValue(DefaultSettings.tracker().deliveryMaxAttempts());
		assertThat(this.counted).containsKey("completed/undelivered");
		assertThat(this.tracker.trackedTasks().collectList().block()).singleElement().satisfies((task) -> {
			assertThat(task.undeliveredSince()).isNotNull();
			assertThat(task.lastState().isTerminal()).isTrue();
		});
		int polls = this.dingtalk.polls("t1").size();
		this.time.advanceTimeBy(Duration.ofMinutes(30));
		assertThat(offers).as("not offered again by itself").hasValue(DefaultSettings.tracker().deliveryMaxAttempts());
		assertThat(this.dingtalk.polls("t1")).as("nor polled").hasSize(polls);
	}

	@Test
	void anEventSetAsideIsOfferedAgainOnRedeliverWithoutPollingAgain() {
		AtomicInteger offers = new AtomicInteger();
		this.tracker = tracker(DefaultSettings.tracker(), (event) -> {
			// a listener that fails twelve times: ten offers, set aside, then two more
			if (offers.incrementAndGet() <= 12) {
				throw new IllegalStateException("listener down");
			}
			this.events.add(event);
		});
		this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
		track("t1");
		this.time.advanceTimeBy(Duration.ofMinutes(30));
		int polls = this.dingtalk.polls("t1").size();

		StepVerifier.create(this.tracker.redeliver("t1")).expectNext(true).verifyComplete();
		this.time.advanceTimeBy(Duration.ofMinutes(5));

		assertThat(this.events).singleElement().isInstanceOf(StorageTaskCompletedEvent.class);
		assertThat(offers).hasValue(13);
		assertThat(this.dingtalk.polls("t1")).hasSize(polls);
		assertThat(this.tracker.trackedTasks().collectList().block()).isEmpty();
		StepVerifier.create(this.tracker.redeliver("t1")).expectNext(false).verifyComplete();
	}

	@Test
	void aListenerThatHangsIsGivenUpAfterTheDeliveryTimeoutAndTheEventSetAside() {
		CountDownLatch hung = new CountDownLatch(1);
		Scheduler listenerThread = Schedulers.newSingle("hung-listener");
		try {
			this.tracker = new TaskTracker(this.schedule, this.store, DefaultSettings.tracker(),
					listeners(hangUntil(hung)), this.metrics, listenerThread);
			this.dingtalk.running("t1", Duration.ofSeconds(2), 10);
			track("t1");

			this.time.advanceTimeBy(Duration.ofHours(1));

			assertThat(this.counted).containsKey("completed/undelivered");
			assertThat(this.tracker.trackedTasks().collectList().block()).singleElement()
				.satisfies((task) -> assertThat(task.undeliveredSince()).isNotNull());
		}
		finally {
			hung.countDown();
			listenerThread.dispose();
		}
	}

	@Test
	void untrackingStopsPollingWithoutAnEvent() {
		this.dingtalk.silent("t1", Duration.ofMinutes(5));
		track("t1");
		this.time.advanceTimeBy(Duration.ofSeconds(10));
		int polls = this.dingtalk.polls("t1").size();

		StepVerifier.create(this.tracker.untrack("t1")).expectNext(true).verifyComplete();
		this.time.advanceTimeBy(Duration.ofMinutes(10));

		assertThat(this.dingtalk.polls("t1")).hasSize(polls);
		assertThat(this.events).isEmpty();
		StepVerifier.create(this.tracker.untrack("t1")).expectNext(false).verifyComplete();
	}

	@Test
	void trackingATrackedTaskAgainKeepsTheFirstAttributesAndPollsOnce() {
		this.dingtalk.silent("t1", Duration.ofMinutes(5));
		this.tracker.start();
		this.tracker.track("t1", "union", Map.of("job", "first")).block();
		this.tracker.track("t1", "union", Map.of("job", "second")).block();

		this.time.advanceTimeBy(Duration.ofMillis(100));

		assertThat(this.tracker.trackedTasks().collectList().block()).singleElement()
			.satisfies((task) -> assertThat(task.attributes()).containsEntry("job", "first"));
		assertThat(this.dingtalk.polls("t1")).hasSize(1);
	}

	@Test
	void trackedTasksShowTheLastStateSeen() {
		this.dingtalk.running("t1", Duration.ofSeconds(100), 100);
		track("t1");

		this.time.advanceTimeBy(Duration.ofSeconds(1));

		assertThat(this.tracker.trackedTasks().collectList().block()).singleElement()
			.satisfies((task) -> assertThat(task.lastState()).isNotNull()
				.satisfies((state) -> assertThat(state.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS)));
	}

	@Test
	void trackingNeedsATaskIdAndAnOperator() {
		StepVerifier.create(this.tracker.track(" ", "union", Map.of()))
			.verifyErrorMessage("taskId must not be null or blank");
		StepVerifier.create(this.tracker.track("t1", "", Map.of()))
			.verifyErrorMessage("unionId must not be null or blank");
		TaskTracker noDefault = new TaskTracker(
				new PollSchedule(this.dingtalk, this.limiter, DefaultSettings.storage(), this.time), this.store,
				DefaultSettings.tracker(), listeners(this.events::add), this.metrics, Schedulers.immediate());
		StepVerifier.create(noDefault.track("t1")).verifyError(IllegalStateException.class);
	}

	@Test
	void anInteractiveCallWaitsAboutOneSlotWhileAThousandTrackedTasksAreDue() {
		for (int i = 0; i < 1000; i++) {
			this.dingtalk.silent("t" + i, Duration.ofHours(1));
			track("t" + i);
		}
		this.time.advanceTimeBy(Duration.ofSeconds(10));

		long asked = this.time.now(TimeUnit.NANOSECONDS);
		long[] granted = new long[1];
		this.limiter.acquire().subscribe(null, null, () -> granted[0] = this.time.now(TimeUnit.NANOSECONDS));
		this.time.advanceTimeBy(Duration.ofSeconds(1));

		// one slot is 50 ms at 20 requests per second; 1,000 watches would queue 50 s
		assertThat(granted[0] - asked).isBetween(0L, TimeUnit.MILLISECONDS.toNanos(100));
	}

	@Test
	void noTrackedTaskStarvesWhenMoreAreDueThanTheRateAllows() {
		for (int i = 0; i < 200; i++) {
			this.dingtalk.silent("t" + i, Duration.ofHours(1));
			track("t" + i);
		}

		this.time.advanceTimeBy(Duration.ofMinutes(2));

		Map<String, Long> perTask = this.dingtalk.polls()
			.stream()
			.collect(Collectors.groupingBy(FakeTasks.Poll::taskId, Collectors.counting()));
		assertThat(perTask).hasSize(200);
		double mean = perTask.values().stream().mapToLong(Long::longValue).average().orElseThrow();
		assertThat(perTask.values()).allSatisfy((count) -> assertThat(count).isGreaterThanOrEqualTo((long) (mean / 2)));
	}

	@Test
	void pollsNeverExceedTheRatePlusOneInAnySlidingSecond() {
		for (int i = 0; i < 200; i++) {
			this.dingtalk.silent("t" + i, Duration.ofHours(1));
			track("t" + i);
		}

		this.time.advanceTimeBy(Duration.ofMinutes(1));

		List<Long> at = this.dingtalk.polls().stream().map(FakeTasks.Poll::at).toList();
		assertThat(at).hasSizeGreaterThan(1000);
		int most = SlidingSecond.most(at);
		assertThat(most).isLessThanOrEqualTo(21);
	}

	@Test
	void stoppingEndsPolling() {
		this.dingtalk.silent("t1", Duration.ofHours(1));
		track("t1");
		this.time.advanceTimeBy(Duration.ofSeconds(5));

		this.tracker.stop(Duration.ofSeconds(1)).subscribe();
		this.time.advanceTimeBy(Duration.ofSeconds(1));
		int polls = this.dingtalk.polls("t1").size();
		this.time.advanceTimeBy(Duration.ofMinutes(1));

		assertThat(this.dingtalk.polls("t1")).hasSize(polls);
	}

	private void track(String taskId) {
		this.tracker.start();
		this.tracker.track(taskId).block();
	}

	private TaskTracker tracker(TrackerSettings settings, Consumer<Object> listener) {
		return new TaskTracker(this.schedule, this.store, settings, listeners(listener), this.metrics,
				Schedulers.immediate());
	}

	private static Consumer<Object> hangUntil(CountDownLatch released) {
		return (event) -> {
			try {
				released.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	/** Listeners called in the given order, each known by itself. */
	@SafeVarargs
	private static EventListeners listeners(Consumer<Object>... listeners) {
		return (event) -> Stream.of(listeners)
			.map((listener) -> new EventListeners.Listener(listener, () -> listener.accept(event)))
			.toList();
	}

	private void count(String name) {
		this.counted.computeIfAbsent(name, (key) -> new AtomicInteger()).incrementAndGet();
	}

	private static List<Long> gaps(List<FakeTasks.Poll> polls) {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < polls.size(); i++) {
			gaps.add(polls.get(i).at() - polls.get(i - 1).at());
		}
		return gaps;
	}

}
