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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.testsupport.TaskShape;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * DingTalk's storage tasks on a (virtual) clock: each task runs in a known
 * {@link TaskShape} from when it is added (INIT, then its subtasks, then SUCCESS or
 * FAIL), or reports no counts at all. A poll takes a slot from the limiter it is given,
 * as the HTTP client does, and is recorded with its time.
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
	FakeTasks running(String taskId, Duration duration, int total) {
		return task(taskId, TaskShape.linear(Duration.ZERO, duration, total));
	}

	/** A task created now that runs in the given shape. */
	FakeTasks task(String taskId, TaskShape shape) {
		this.plans.put(taskId, new Plan(now(), shape));
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
		return plan.start() + plan.shape().endNanos();
	}

	List<Poll> polls() {
		return this.polls;
	}

	List<Poll> polls(String taskId) {
		return this.polls.stream().filter((poll) -> poll.taskId().equals(taskId)).toList();
	}

	@Override
	public Mono<StorageTask> poll(@Nullable String corpId, String taskId, String unionId,
			@Nullable DingTalkRateLimiter limiter) {
		Mono<Void> slot = (limiter != null) ? limiter.acquire() : Mono.empty();
		return slot.then(Mono.defer(() -> {
			long now = now();
			this.polls.add(new Poll(taskId, now));
			if (this.unknown.contains(taskId)) {
				return Mono.error(new StorageTaskNotFoundException(new DingTalkApiException(
						new DingTalkError(400, "taskNotExist", "task not exist", null, null))));
			}
			Plan plan = this.plans.get(taskId);
			Instant created = Instant.ofEpochMilli(TimeUnit.NANOSECONDS.toMillis(plan.start()));
			return Mono.just(plan.shape().state(taskId, now - plan.start(), created));
		}));
	}

	private long now() {
		return this.clock.now(TimeUnit.NANOSECONDS);
	}

	record Poll(String taskId, long at) {
	}

	private record Plan(long start, TaskShape shape) {
	}

}
