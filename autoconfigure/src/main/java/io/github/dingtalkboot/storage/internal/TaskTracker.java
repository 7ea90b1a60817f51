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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.auth.internal.CorpIds;
import io.github.dingtalkboot.core.internal.Cancellations;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.TrackedTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link StorageTaskTracker} the starter provides: tracked tasks are entries of the
 * client's {@link PollSchedule}, so they share its one schedule and rate-limit slot with
 * the application's watches; this class adds the store, the leases ({@link LeaseClaims})
 * and the events ({@link EventDelivery}). Its state lives on the schedule's loop.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class TaskTracker implements StorageTaskTracker {

	private static final Log logger = LogFactory.getLog(TaskTracker.class);

	private final PollSchedule schedule;

	private final TrackedTaskStore store;

	private final TrackerSettings settings;

	private final PollLoop loop;

	private final boolean servesCorps;

	private final HeldTasks tasks = new HeldTasks();

	private final HeldTaskFollower follower;

	/** Read and written on the loop only. */
	private @Nullable Disposable claiming;

	/**
	 * Create a tracker delivering events on Reactor's bounded elastic scheduler.
	 * @param schedule the schedule to poll on
	 * @param store where tracked tasks are kept
	 * @param settings the tracker's settings
	 * @param listeners the application's listeners of the tracker's events
	 * @param metrics where polls and events are counted
	 */
	public TaskTracker(PollSchedule schedule, TrackedTaskStore store, TrackerSettings settings,
			EventListeners listeners, TrackerMetrics metrics) {
		this(schedule, store, settings, listeners, metrics, false);
	}

	/**
	 * Create a tracker delivering events on Reactor's bounded elastic scheduler.
	 * @param schedule the schedule to poll on
	 * @param store where tracked tasks are kept
	 * @param settings the tracker's settings
	 * @param listeners the application's listeners of the tracker's events
	 * @param metrics where polls and events are counted
	 * @param servesCorps whether the schedule polls for the corps of a third-party app
	 * ({@link #forCorp})
	 */
	public TaskTracker(PollSchedule schedule, TrackedTaskStore store, TrackerSettings settings,
			EventListeners listeners, TrackerMetrics metrics, boolean servesCorps) {
		this(schedule, store, settings, listeners, metrics, Schedulers.boundedElastic(), servesCorps);
	}

	TaskTracker(PollSchedule schedule, TrackedTaskStore store, TrackerSettings settings, EventListeners listeners,
			TrackerMetrics metrics, Scheduler delivery) {
		this(schedule, store, settings, listeners, metrics, delivery, false);
	}

	TaskTracker(PollSchedule schedule, TrackedTaskStore store, TrackerSettings settings, EventListeners listeners,
			TrackerMetrics metrics, Scheduler delivery, boolean servesCorps) {
		this.servesCorps = servesCorps;
		this.schedule = schedule;
		this.store = store;
		this.settings = settings;
		this.loop = schedule.loop();
		this.follower = new HeldTaskFollower(schedule, store, this.tasks, settings, metrics,
				new EventDelivery(store, listeners, metrics, settings, this.loop, delivery));
	}

	@Override
	public Mono<Void> track(String taskId) {
		return track(null, taskId);
	}

	@Override
	public Mono<Void> track(String taskId, String unionId, Map<String, String> attributes) {
		return track(null, taskId, unionId, attributes);
	}

	@Override
	public StorageTaskTracker forCorp(String corpId) {
		if (!this.servesCorps) {
			throw new UnsupportedOperationException(
					"forCorp needs a third-party enterprise app: this tracker polls as one app, not on behalf of corps");
		}
		return new CorpTracker(CorpIds.checked(corpId));
	}

	private Mono<Void> track(@Nullable String corpId, String taskId) {
		String unionId = this.schedule.settings().defaultUnionId();
		return (unionId != null) ? track(corpId, taskId, unionId, Map.of())
				: Mono.error(TaskArguments.noDefaultUnionId("track(taskId)"));
	}

	private Mono<Void> track(@Nullable String corpId, String taskId, String unionId, Map<String, String> attributes) {
		IllegalArgumentException invalid = TaskArguments.invalid(taskId, unionId);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		if (attributes == null) {
			return Mono.error(new IllegalArgumentException("attributes must not be null"));
		}
		return Mono.defer(() -> {
			if (this.tasks.isHeld(taskId)) {
				return Mono.empty();
			}
			long leaseFrom = this.loop.now();
			TrackedTask task = new TrackedTask(taskId, unionId, attributes, this.loop.wallClock(), null, null, corpId);
			return this.store.add(task)
				.map((added) -> added ? Saved.YES : Saved.ALREADY_TRACKED)
				.onErrorResume((ex) -> {
					logger.debug("Keeping tracked task " + taskId + " in memory until the store answers: " + ex);
					return Mono.just(Saved.NO);
				})
				.doOnNext((saved) -> {
					if (saved != Saved.ALREADY_TRACKED) {
						this.loop.execute(() -> this.follower.adopt(task, saved == Saved.NO, leaseFrom));
					}
				})
				.then();
		});
	}

	@Override
	public Mono<Boolean> untrack(String taskId) {
		return this.store.remove(taskId).map((removed) -> {
			boolean held = this.tasks.release(taskId);
			this.loop.execute(() -> this.follower.drop(taskId));
			return removed || held;
		}).onErrorResume((ex) -> {
			logger.debug("Removing tracked task " + taskId + " when the store answers again: " + ex);
			boolean held = this.tasks.release(taskId);
			this.loop.execute(() -> {
				this.follower.drop(taskId);
				this.tasks.removalPending(taskId);
			});
			return Mono.just(held);
		});
	}

	@Override
	public Mono<Boolean> redeliver(String taskId) {
		IllegalArgumentException invalid = TaskArguments.invalidTaskId(taskId);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		return this.store.redeliver(taskId).doOnNext((redelivered) -> {
			if (redelivered) {
				// the next claim (of any instance) takes it; this one claims at once
				this.loop.execute(this.follower::claim);
			}
		});
	}

	@Override
	public Flux<TrackedTask> trackedTasks() {
		return this.store.list().onErrorResume((ex) -> Flux.fromIterable(this.tasks.heldTasks()));
	}

	/**
	 * How many tasks this instance follows now.
	 * @return the number of tasks
	 */
	public int heldTasks() {
		return this.tasks.size();
	}

	/**
	 * Start following the tracked tasks, and claiming tasks from the store every third of
	 * the lease.
	 */
	public void start() {
		this.loop.execute(() -> {
			if (!this.follower.start()) {
				return;
			}
			long period = this.settings.lease().toNanos() / 3;
			this.claiming = this.loop.timer()
				.schedulePeriodically(() -> this.loop.execute(this.follower::claim), 0, period, TimeUnit.NANOSECONDS);
		});
	}

	/**
	 * Stop following, let the deliveries under way finish (for at most {@code grace}) and
	 * give up the leases of the tasks still held.
	 * @param grace how long deliveries may take
	 * @return a Mono that completes when stopped; never fails
	 */
	public Mono<Void> stop(Duration grace) {
		Mono<List<Mono<Void>>> halt = Mono.create((sink) -> {
			if (!this.loop.execute(() -> {
				Cancellations.dispose(this.claiming);
				sink.success(this.follower.halt());
			})) {
				sink.success(List.of());
			}
		});
		return halt
			.flatMap((deliveries) -> Mono.when(deliveries)
				.timeout(grace, this.loop.timer())
				.onErrorResume((ex) -> Mono.empty()))
			.then(Mono.defer(() -> this.store.release(this.tasks.heldIds())))
			.timeout(grace.plusSeconds(1), this.loop.timer())
			.onErrorResume((ex) -> Mono.empty());
	}

	/**
	 * The tracker on behalf of one corp.
	 */
	private final class CorpTracker implements StorageTaskTracker {

		private final String corpId;

		CorpTracker(String corpId) {
			this.corpId = corpId;
		}

		@Override
		public Mono<Void> track(String taskId, String unionId, Map<String, String> attributes) {
			return TaskTracker.this.track(this.corpId, taskId, unionId, attributes);
		}

		@Override
		public Mono<Void> track(String taskId) {
			return TaskTracker.this.track(this.corpId, taskId);
		}

		@Override
		public Mono<Boolean> untrack(String taskId) {
			return TaskTracker.this.untrack(taskId);
		}

		@Override
		public Mono<Boolean> redeliver(String taskId) {
			return TaskTracker.this.redeliver(taskId);
		}

		@Override
		public Flux<TrackedTask> trackedTasks() {
			return TaskTracker.this.trackedTasks().filter((task) -> this.corpId.equals(task.corpId()));
		}

		@Override
		public StorageTaskTracker forCorp(String corpId) {
			return TaskTracker.this.forCorp(corpId);
		}

		@Override
		public String toString() {
			return "StorageTaskTracker[corpId=" + this.corpId + "]";
		}

	}

	private enum Saved {

		YES, NO, ALREADY_TRACKED

	}

}
