package io.github.dingtalkboot.storage.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.VirtualRateLimiters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How soon the schedule sees many tasks end, and at what cost, in virtual time: N tasks
 * that move 1,000 subtasks linearly over durations drawn from a seeded random, all
 * followed from the moment they start, under DingTalk's 20 requests per second. The same
 * scenario as {@code TrackingBenchmark}, without the noise of a real clock.
 */
class PollScheduleDetectionTests {

	private final VirtualTimeScheduler time = VirtualTimeScheduler.create();

	private final FakeTasks dingtalk = new FakeTasks(this.time);

	private final DingTalkRateLimiter limiter = VirtualRateLimiters.on(20, this.time);

	private final PollSchedule schedule = new PollSchedule(this.dingtalk, this.limiter,
			DefaultSettings.storage().withUnionId("union"), this.time);

	private final Map<String, Long> seen = new ConcurrentHashMap<>();

	@AfterEach
	void stop() {
		this.time.dispose();
	}

	@Test
	void twoHundredTasksAreEachSeenEndedWithinASecondAtAboutTwoPollsEach() {
		List<Long> delays = follow(200, Duration.ofSeconds(5), Duration.ofSeconds(60));

		// one watch per task polled on its own back-off: p99 8.5 s and 6.5 polls per task
		assertThat(percentile(delays, 0.99)).isLessThan(TimeUnit.SECONDS.toNanos(1));
		assertThat(this.dingtalk.polls().size() / 200.0).isLessThan(2.5);
	}

	@Test
	void aThousandTasksAreSeenEndedWithinTwoSecondsMostlyAndSixteenSecondsAlmostAlways() {
		List<Long> delays = follow(1000, Duration.ofSeconds(30), Duration.ofSeconds(120));

		// the first polls alone take 50 s at 20 requests per second: a task that ends
		// before its first poll is seen late whatever the order
		assertThat(percentile(delays, 0.5)).isLessThan(TimeUnit.SECONDS.toNanos(2));
		assertThat(percentile(delays, 0.99)).isLessThan(TimeUnit.SECONDS.toNanos(16));
		assertThat(this.dingtalk.polls().size() / 1000.0).isLessThan(2.5);
	}

	private List<Long> follow(int tasks, Duration shortest, Duration longest) {
		Random random = new Random(42);
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < tasks; i++) {
			String taskId = "task-" + i;
			long span = longest.toMillis() - shortest.toMillis();
			this.dingtalk.running(taskId, shortest.plusMillis((long) (random.nextDouble() * span)), 1000);
			ids.add(taskId);
		}
		for (String taskId : ids) {
			this.schedule.watch(taskId, "union")
				.last()
				.subscribe((task) -> this.seen.put(taskId, this.time.now(TimeUnit.NANOSECONDS)));
		}
		// and the application's own getTask once a second, as in the benchmark
		this.time.schedulePeriodically(() -> this.limiter.acquire().subscribe(), 0, 1, TimeUnit.SECONDS);
		this.time.advanceTimeBy(longest.plusMinutes(2));
		assertThat(this.seen).hasSize(tasks);
		List<Long> delays = new ArrayList<>();
		for (String taskId : ids) {
			delays.add(this.seen.get(taskId) - this.dingtalk.endOf(taskId));
		}
		delays.sort(null);
		return delays;
	}

	private static long percentile(List<Long> sorted, double share) {
		return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
	}

}
