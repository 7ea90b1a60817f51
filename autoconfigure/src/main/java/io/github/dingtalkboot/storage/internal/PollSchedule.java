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

import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.Cancellations;
import io.github.dingtalkboot.core.internal.ClosedClient;
import io.github.dingtalkboot.storage.StorageTask;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;

/**
 * The one poll schedule of the application's storage tasks: every watch and every tracked
 * task is a {@link PolledTask}, polled once for all who follow it (two watches of one
 * task, or a watch of a tracked task, cost no extra polls), and each answer goes to all
 * of them.
 * <p>
 * What it guarantees: while the followed tasks need no more polls than the rate allows,
 * no task waits longer than its promise ({@link PollPlanner}: the back-off, at most
 * {@code max-interval}); no task is polled more often than once per
 * {@code initial-interval}; the application's own calls wait behind at most one
 * background poll; the rate limit holds. What it only tries: to poll each task when its
 * progress predicts it has ended. When the rate is short, predicted ends go first; when
 * it has room, spare slots poll every task in turn, the one polled longest ago first
 * ({@link DueTasks}).
 * <p>
 * All state lives on one {@link PollLoop} (a single thread at a time, no locks); the
 * {@link PollPump} sends the polls, one rate-limiter slot at a time.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class PollSchedule {

	private final TaskSource source;

	private final StorageTaskSettings settings;

	private final PollLoop loop;

	private final DueTasks due;

	private final PollPump pump;

	/** Set by the closing signal, read by new watches on any thread. */
	private volatile boolean closed;

	/**
	 * Create a schedule.
	 * @param source polls one task
	 * @param limiter paces the polls, or {@code null} for none
	 * @param settings the default operator and the back-off of a task without progress
	 * @param timer the scheduler of the loop and its timers
	 */
	public PollSchedule(TaskSource source, @Nullable DingTalkRateLimiter limiter, StorageTaskSettings settings,
			Scheduler timer) {
		this(source, limiter, settings, timer, Mono.never());
	}

	/**
	 * Create a schedule that ends when its client closes.
	 * @param source polls one task
	 * @param limiter paces the polls, or {@code null} for none
	 * @param settings the default operator and the back-off of a task without progress
	 * @param timer the scheduler of the loop and its timers
	 * @param closing fails when the client closes: every watch then ends with a
	 * {@link DingTalkClientClosedException}, and later ones fail at once
	 */
	public PollSchedule(TaskSource source, @Nullable DingTalkRateLimiter limiter, StorageTaskSettings settings,
			Scheduler timer, Mono<Void> closing) {
		this.source = source;
		this.settings = settings;
		this.loop = new PollLoop(timer);
		this.due = new DueTasks(settings, limiter != null);
		this.pump = new PollPump(this.due, limiter, this.loop, this::poll);
		closing.subscribe(null, (ex) -> {
			this.closed = true;
			this.loop.execute(this::close);
		});
	}

	StorageTaskSettings settings() {
		return this.settings;
	}

	PollLoop loop() {
		return this.loop;
	}

	/**
	 * The states of a task: the latest one already known (if the task is followed
	 * already) or the first poll's answer, then each change of progress, completing after
	 * a terminal state and failing with the exception of a failed poll.
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(String taskId, String unionId) {
		return watch(null, taskId, unionId, () -> {
		});
	}

	/**
	 * The states of a task, as {@link #watch(String, String)}, told of every answer.
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @param onAnswer run on the loop for every answer the watch gets, changed or not
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(String taskId, String unionId, Runnable onAnswer) {
		return watch(null, taskId, unionId, onAnswer);
	}

	/**
	 * The states of a task of a corp, as {@link #watch(String, String)}, told of every
	 * answer.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @param onAnswer run on the loop for every answer the watch gets, changed or not
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(@Nullable String corpId, String taskId, String unionId, Runnable onAnswer) {
		TaskKey key = new TaskKey(corpId, taskId);
		return Flux.deferContextual((context) -> {
			if (this.closed) {
				return Flux.error(ClosedClient.nothingSent());
			}
			// a small queue: a watch holds one between polls, and a default one is 1 KB
			// unsafe (not serialized): only the loop emits
			TaskWatcher watcher = new TaskWatcher(key,
					Sinks.unsafe().many().unicast().onBackpressureBuffer(Queues.<StorageTask>unbounded(8).get()),
					context, onAnswer, (ended) -> this.loop.execute(() -> detach(ended)));
			if (!this.loop.execute(() -> attach(key, unionId, watcher))) {
				return Flux.error(ClosedClient.nothingSent());
			}
			return watcher.sink().asFlux().doFinally(watcher);
		});
	}

	/**
	 * Follow a task until {@link #unfollow}, whatever its polls answer. Call on the loop.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 * @param unionId the operator
	 * @param follower told of every poll's answer or failure, on the loop
	 */
	void follow(@Nullable String corpId, String taskId, String unionId, TaskFollower follower) {
		if (this.closed) {
			return;
		}
		this.due.getOrAdd(new TaskKey(corpId, taskId), unionId, this.loop.now()).follower = follower;
		this.pump.pump();
	}

	/**
	 * Stop following a task; its watches go on. Call on the loop.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 */
	void unfollow(@Nullable String corpId, String taskId) {
		PolledTask task = this.due.get(new TaskKey(corpId, taskId));
		if (task != null) {
			task.follower = null;
			removeIfUnused(task);
		}
	}

	private void attach(TaskKey key, String unionId, TaskWatcher watcher) {
		if (this.closed) {
			watcher.sink().tryEmitError(ClosedClient.nothingSent());
			return;
		}
		PolledTask task = this.due.getOrAdd(key, unionId, this.loop.now());
		task.watchers.add(watcher);
		if (task.last != null) {
			watcher.offer(task.last);
		}
		this.pump.pump();
	}

	private void detach(TaskWatcher watcher) {
		PolledTask task = this.due.get(watcher.key());
		if (task != null && task.watchers.remove(watcher)) {
			removeIfUnused(task);
		}
	}

	private void removeIfUnused(PolledTask task) {
		if (task.isUnused() && this.due.isCurrent(task)) {
			this.due.remove(task);
			Cancellations.dispose(task.poll);
		}
	}

	private void poll(PolledTask task, @Nullable DingTalkRateLimiter limiter) {
		this.due.polled(task);
		DingTalkRateLimiter paced = (limiter != null) ? new PrepaidSlot(limiter) : null;
		Mono<StorageTask> poll = this.source.poll(task.key.corpId(), task.key.taskId(), task.unionId, paced);
		if (!task.watchers.isEmpty()) {
			// the poll is observed as a child of the (first) watch's observation
			poll = poll.contextWrite(task.watchers.get(0).context());
		}
		// an answer is handled on the loop, so after subscribe has returned
		task.poll = poll.subscribe((answer) -> this.loop.execute(() -> answered(task, answer)),
				(ex) -> this.loop.execute(() -> failed(task, ex)));
	}

	private void answered(PolledTask task, StorageTask answer) {
		if (!this.due.isCurrent(task)) {
			return;
		}
		task.poll = null;
		StorageTask previous = task.last;
		task.last = answer;
		for (TaskWatcher watcher : task.watchers) {
			watcher.offer(answer);
		}
		if (answer.isTerminal()) {
			List<TaskWatcher> watchers = new ArrayList<>(task.watchers);
			task.watchers.clear();
			watchers.forEach((watcher) -> watcher.sink().tryEmitComplete());
			this.due.remove(task);
		}
		else {
			long now = this.loop.now();
			task.plan(task.planner.next(previous, answer, now, this.loop.wallClock()), now);
		}
		TaskFollower follower = task.follower;
		if (follower != null) {
			follower.answered(answer);
		}
		this.pump.pump();
	}

	private void failed(PolledTask task, Throwable ex) {
		if (!this.due.isCurrent(task)) {
			return;
		}
		task.poll = null;
		List<TaskWatcher> watchers = new ArrayList<>(task.watchers);
		task.watchers.clear();
		watchers.forEach((watcher) -> watcher.sink().tryEmitError(ex));
		TaskFollower follower = task.follower;
		if (follower == null || ex instanceof DingTalkClientClosedException) {
			// nothing polls a task for a closed client: it would fail again and again
			this.due.remove(task);
		}
		else {
			task.plan(task.planner.afterFailure(), this.loop.now());
		}
		if (follower != null) {
			follower.failed(ex);
		}
		this.pump.pump();
	}

	private void close() {
		List<PolledTask> ended = this.due.removeAll();
		this.pump.stop();
		for (PolledTask task : ended) {
			for (TaskWatcher watcher : task.watchers) {
				watcher.sink()
					.tryEmitError(new DingTalkClientClosedException(
							"The DingTalk client was closed while this watch was running"));
			}
			task.watchers.clear();
			TaskFollower follower = task.follower;
			if (follower != null) {
				follower.failed(new DingTalkClientClosedException("The DingTalk client was closed"));
			}
		}
		// last: the client's own shutdown may have released the connections already
		ended.forEach((task) -> Cancellations.dispose(task.poll));
	}

}
