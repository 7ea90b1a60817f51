package io.github.dingtalkboot.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskStatus;

/**
 * DingTalk's storage tasks on a (virtual) clock: each task runs for a known time and
 * moves its subtasks linearly, or reports no counts at all. A poll takes a slot from the
 * limiter it is given, as the HTTP client does, and is recorded with its time.
 */
final class FakeTasks implements TaskSource {

	private final Scheduler clock;

	private final Map<String, Plan> plans = new ConcurrentHashMap<>();

	private final Set<String> unknown = ConcurrentHashMap.newKeySet();

	private final List<Poll> polls = new CopyOnWriteArrayList<>();

	FakeTasks(Scheduler clock) {
		this.clock = clock;
	}

	/** A task that started now, moves {@code total} subtasks evenly and succeeds. */
	FakeTasks running(String taskId, Duration duration, long total) {
		this.plans.put(taskId, new Plan(now(), duration.toNanos(), total));
		return this;
	}

	/** A task that reports no counts and succeeds after {@code duration}. */
	FakeTasks silent(String taskId, Duration duration) {
		return running(taskId, duration, 0);
	}

	/** A task DingTalk does not know. */
	FakeTasks unknown(String taskId) {
		this.unknown.add(taskId);
		return this;
	}

	/** When each task ends, on the clock. */
	long endOf(String taskId) {
		Plan plan = this.plans.get(taskId);
		return plan.start() + plan.duration();
	}

	List<Poll> polls() {
		return this.polls;
	}

	List<Poll> polls(String taskId) {
		return this.polls.stream().filter((poll) -> poll.taskId().equals(taskId)).toList();
	}

	@Override
	public Mono<StorageTask> poll(String taskId, String unionId, @Nullable DingTalkRateLimiter limiter) {
		Mono<Void> slot = (limiter != null) ? limiter.acquire() : Mono.empty();
		return slot.then(Mono.defer(() -> {
			long now = now();
			this.polls.add(new Poll(taskId, now));
			if (this.unknown.contains(taskId)) {
				return Mono.error(new StorageTaskNotFoundException(new DingTalkApiException(
						new DingTalkError(400, "taskNotExist", "task not exist", null, null))));
			}
			return Mono.just(this.plans.get(taskId).state(taskId, now));
		}));
	}

	private long now() {
		return this.clock.now(TimeUnit.NANOSECONDS);
	}

	record Poll(String taskId, long at) {
	}

	private record Plan(long start, long duration, long total) {

		StorageTask state(String taskId, long now) {
			Instant begin = Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(this.start));
			if (now >= this.start + this.duration) {
				return new StorageTask(taskId, StorageTaskStatus.SUCCESS, this.total, this.total, 0, null, begin,
						Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(this.start + this.duration)));
			}
			long done = this.total * (now - this.start) / this.duration;
			return new StorageTask(taskId, StorageTaskStatus.IN_PROGRESS, this.total, done, 0, null, begin, null);
		}

	}

}
