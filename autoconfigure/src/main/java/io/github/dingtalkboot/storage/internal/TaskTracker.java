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
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.auth.internal.CorpIds;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.internal.Cancellations;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The {@link StorageTaskTracker} the starter provides: tracked tasks are entries of the
 * client's {@link PollSchedule}, so they share its one schedule and rate-limit slot with
 * the application's watches; this class adds the store, the leases and the events. Its
 * state lives on the schedule's loop.
 * <p>
 * A task this instance holds is followed only while its lease runs by this instance's own
 * clock (the lease is counted from before the claim that renewed it was sent): once it
 * runs out, another instance may hold the task, so this one stops polling and announcing
 * it until a claim gives it back. A task the store lost while this instance followed it
 * is written back; a removal the store did not answer is carried out again at each claim
 * until it does.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class TaskTracker implements StorageTaskTracker {

	static final String COMPLETED = "completed";

	static final String TRACKING_FAILED = "tracking-failed";

	static final String DELIVERED = "delivered";

	static final String REDELIVERED = "redelivered";

	static final String UNDELIVERED = "undelivered";

	private static final Log logger = LogFactory.getLog(TaskTracker.class);

	private final PollSchedule schedule;

	private final TrackedTaskStore store;

	private final TrackerSettings settings;

	private final EventListeners listeners;

	private final TrackerMetrics metrics;

	private final PollLoop loop;

	private final Scheduler timer;

	private final Scheduler delivery;

	private final boolean servesCorps;

	/** What this instance holds, for readers on other threads. */
	private final Map<String, TrackedTask> held = new ConcurrentHashMap<>();

	// the fields below are read and written on the loop only

	private final Map<String, Tracked> entries = new HashMap<>();

	/**
	 * Removals the store has not carried out yet (untracked or delivered in an outage).
	 */
	private final Set<String> removals = new HashSet<>();

	private long lastWriteBackWarning = Long.MIN_VALUE;

	private boolean started;

	private boolean stopped;

	private @Nullable Disposable claims;

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
		this.listeners = listeners;
		this.metrics = metrics;
		this.loop = schedule.loop();
		this.timer = this.loop.timer();
		this.delivery = delivery;
	}

	@Override
	public Mono<Void> track(String taskId) {
		String unionId = this.schedule.settings().defaultUnionId();
		return (unionId != null) ? track(taskId, unionId, Map.of()) : Mono.error(new IllegalStateException(
				"track(taskId) needs an operator: pass the unionId or configure a default one"));
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

	private Mono<Void> track(@Nullable String corpId, String taskId, String unionId, Map<String, String> attributes) {
		if (taskId == null || taskId.isBlank()) {
			return Mono.error(new IllegalArgumentException("taskId must not be null or blank"));
		}
		if (unionId == null || unionId.isBlank()) {
			return Mono.error(new IllegalArgumentException("unionId must not be null or blank"));
		}
		if (attributes == null) {
			return Mono.error(new IllegalArgumentException("attributes must not be null"));
		}
		return Mono.defer(() -> {
			if (this.held.containsKey(taskId)) {
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
						this.loop.execute(() -> adopt(task, saved == Saved.NO, leaseFrom));
					}
				})
				.then();
		});
	}

	@Override
	public Mono<Boolean> untrack(String taskId) {
		return this.store.remove(taskId).map((removed) -> {
			boolean held = this.held.remove(taskId) != null;
			this.loop.execute(() -> drop(taskId));
			return removed || held;
		}).onErrorResume((ex) -> {
			logger.debug("Removing tracked task " + taskId + " when the store answers again: " + ex);
			boolean held = this.held.remove(taskId) != null;
			this.loop.execute(() -> {
				drop(taskId);
				this.removals.add(taskId);
			});
			return Mono.just(held);
		});
	}

	@Override
	public Mono<Boolean> redeliver(String taskId) {
		if (taskId == null || taskId.isBlank()) {
			return Mono.error(new IllegalArgumentException("taskId must not be null or blank"));
		}
		return this.store.redeliver(taskId).doOnNext((redelivered) -> {
			if (redelivered) {
				// the next claim (of any instance) takes it; this one claims at once
				this.loop.execute(this::claim);
			}
		});
	}

	@Override
	public Flux<TrackedTask> trackedTasks() {
		return this.store.list().onErrorResume((ex) -> Flux.fromIterable(this.held.values()));
	}

	/**
	 * How many tasks this instance follows now.
	 * @return the number of tasks
	 */
	public int heldTasks() {
		return this.held.size();
	}

	/**
	 * Start following the tracked tasks, and claiming tasks from the store every third of
	 * the lease.
	 */
	public void start() {
		this.loop.execute(() -> {
			if (this.started || this.stopped) {
				return;
			}
			this.started = true;
			this.entries.values().stream().filter((tracked) -> tracked.delivered == null).forEach(this::follow);
			long period = this.settings.lease().toNanos() / 3;
			this.claims = this.timer.schedulePeriodically(() -> this.loop.execute(this::claim), 0, period,
					TimeUnit.NANOSECONDS);
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
			if (!this.loop.execute(() -> sink.success(halt()))) {
				sink.success(List.of());
			}
		});
		return halt.flatMap(
				(deliveries) -> Mono.when(deliveries).timeout(grace, this.timer).onErrorResume((ex) -> Mono.empty()))
			.then(Mono.defer(() -> this.store.release(List.copyOf(this.held.keySet()))))
			.timeout(grace.plusSeconds(1), this.timer)
			.onErrorResume((ex) -> Mono.empty());
	}

	private List<Mono<Void>> halt() {
		this.stopped = true;
		Cancellations.dispose(this.claims);
		List<Mono<Void>> deliveries = new ArrayList<>();
		for (Tracked tracked : this.entries.values()) {
			unfollow(tracked);
			if (tracked.delivered != null) {
				deliveries.add(tracked.delivered.asMono());
			}
		}
		return deliveries;
	}

	private void adopt(TrackedTask task, boolean unsaved, long leaseFrom) {
		if (this.stopped || this.entries.containsKey(task.taskId())) {
			return;
		}
		this.removals.remove(task.taskId());
		Tracked tracked = new Tracked(task, unsaved ? Long.MAX_VALUE : leaseFrom + this.settings.lease().toNanos(),
				unsaved);
		this.entries.put(task.taskId(), tracked);
		this.held.put(task.taskId(), task);
		StorageTask last = task.lastState();
		if (last != null && last.isTerminal()) {
			finish(tracked, new StorageTaskCompletedEvent(last, task));
		}
		else if (this.started) {
			follow(tracked);
		}
	}

	private void follow(Tracked tracked) {
		this.schedule.follow(tracked.task.corpId(), tracked.task.taskId(), tracked.task.unionId(),
				new PollSchedule.Follower() {

					@Override
					public void answered(StorageTask task) {
						TaskTracker.this.answered(tracked, task);
					}

					@Override
					public void failed(Throwable ex) {
						TaskTracker.this.failed(tracked, ex);
					}

				});
	}

	private void drop(String taskId) {
		Tracked tracked = this.entries.get(taskId);
		if (tracked != null && tracked.delivered == null) {
			forget(tracked);
		}
	}

	private void claim() {
		if (this.stopped) {
			return;
		}
		long requestedAt = this.loop.now();
		List<TrackedTask> unsaved = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Tracked tracked : List.copyOf(this.entries.values())) {
			if (tracked.delivered == null && tooOld(tracked)) {
				giveUp(tracked, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, tracked.lastError);
			}
			else if (tracked.unsaved) {
				unsaved.add(tracked.task);
			}
			else {
				if (tracked.delivered == null) {
					leaseRanOut(tracked, requestedAt);
				}
				ids.add(tracked.task.taskId());
			}
		}
		List<String> removals = List.copyOf(this.removals);
		Flux.fromIterable(removals)
			.concatMap((taskId) -> this.store.remove(taskId))
			.then(Mono.fromRunnable(() -> this.loop.execute(() -> removals.forEach(this.removals::remove))))
			.thenMany(Flux.fromIterable(unsaved))
			.concatMap((task) -> this.store.add(task).thenReturn(task.taskId()))
			.collectList()
			.flatMap((saved) -> {
				this.loop.execute(() -> saved.forEach(this::markSaved));
				List<String> all = new ArrayList<>(ids);
				all.addAll(saved);
				return this.store.claim(all).map((claim) -> new ClaimResult(claim, all));
			})
			.subscribe((result) -> this.loop.execute(() -> claimed(result, requestedAt)),
					(ex) -> logger.debug("Claiming tracked tasks failed, following the held ones: " + ex));
	}

	private void markSaved(String taskId) {
		Tracked tracked = this.entries.get(taskId);
		if (tracked != null) {
			tracked.unsaved = false;
		}
	}

	private void claimed(ClaimResult result, long requestedAt) {
		if (this.stopped) {
			return;
		}
		TrackedTaskStore.Claim claim = result.claim();
		for (TrackedTask task : claim.taken()) {
			if (!this.removals.contains(task.taskId())) {
				adopt(task, false, requestedAt);
			}
		}
		List<TrackedTask> missing = new ArrayList<>();
		for (String taskId : result.sent()) {
			Tracked tracked = this.entries.get(taskId);
			if (tracked == null || tracked.delivered != null) {
				continue;
			}
			if (claim.lost().contains(taskId)) {
				// another instance holds it now, or it was untracked there
				forget(tracked);
			}
			else if (claim.missing().contains(taskId)) {
				missing.add(tracked.task);
			}
			else {
				renewed(tracked, requestedAt);
			}
		}
		writeBack(missing);
	}

	private void renewed(Tracked tracked, long leaseFrom) {
		tracked.leaseUntil = leaseFrom + this.settings.lease().toNanos();
		if (tracked.suspended && this.started) {
			tracked.suspended = false;
			follow(tracked);
		}
	}

	private void suspend(Tracked tracked) {
		logger.debug("The lease of tracked task " + tracked.task.taskId()
				+ " ran out before it was renewed; not polling it until it is");
		tracked.suspended = true;
		unfollow(tracked);
	}

	private void forget(Tracked tracked) {
		String taskId = tracked.task.taskId();
		if (this.entries.get(taskId) == tracked) {
			this.entries.remove(taskId);
			this.held.remove(taskId);
			unfollow(tracked);
		}
	}

	/*
	 * Write back tasks the store lost while this instance followed them, with one WARN
	 * for each loss (a loss is usually seen at several claims and saves in a row).
	 */
	private void writeBack(List<TrackedTask> tasks) {
		if (tasks.isEmpty()) {
			return;
		}
		long now = this.loop.now();
		if (this.lastWriteBackWarning == Long.MIN_VALUE
				|| now - this.lastWriteBackWarning > this.settings.lease().toNanos()) {
			logger.warn("The tracked task store lost " + tasks.size() + " task(s) this instance follows (Redis "
					+ "restarted without persistence, failed over, evicted or was flushed); writing them back");
		}
		this.lastWriteBackWarning = now;
		Flux.fromIterable(tasks)
			.concatMap((task) -> this.store.add(task).thenReturn(task.taskId()))
			.subscribe((taskId) -> this.loop.execute(() -> {
				Tracked tracked = this.entries.get(taskId);
				if (tracked != null && tracked.delivered == null) {
					renewed(tracked, now);
				}
			}), (ex) -> logger.debug("Writing back tracked tasks failed; trying again at the next claim: " + ex));
	}

	private void answered(Tracked tracked, StorageTask answer) {
		if (this.entries.get(tracked.task.taskId()) != tracked || tracked.delivered != null) {
			return;
		}
		this.metrics.polled();
		if (leaseRanOut(tracked, this.loop.now())) {
			return;
		}
		tracked.lastError = null;
		tracked.task = tracked.task.withLastState(answer);
		this.held.put(tracked.task.taskId(), tracked.task);
		if (answer.isTerminal()) {
			finish(tracked, new StorageTaskCompletedEvent(answer, tracked.task));
		}
		else if (tooOld(tracked)) {
			giveUp(tracked, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, null);
		}
		else if (!tracked.unsaved) {
			TrackedTask task = tracked.task;
			this.store.update(task)
				.subscribe((update) -> this.loop.execute(() -> saved(tracked, task, update)),
						(ex) -> logger.debug("Saving a task's state failed: " + ex));
		}
	}

	private void saved(Tracked tracked, TrackedTask task, TrackedTaskStore.Update update) {
		if (this.entries.get(task.taskId()) != tracked || tracked.delivered != null) {
			return;
		}
		switch (update) {
			case TAKEN_OVER, REMOVED -> forget(tracked);
			case MISSING -> writeBack(List.of(tracked.task));
			case SAVED -> {
			}
		}
	}

	/*
	 * Whether the task's lease has run out by this instance's clock; suspends it if so.
	 */
	private boolean leaseRanOut(Tracked tracked, long now) {
		if (now - tracked.leaseUntil >= 0) {
			if (!tracked.suspended) {
				suspend(tracked);
			}
			return true;
		}
		return false;
	}

	private void failed(Tracked tracked, Throwable ex) {
		if (this.entries.get(tracked.task.taskId()) != tracked || tracked.delivered != null) {
			return;
		}
		this.metrics.polled();
		if (leaseRanOut(tracked, this.loop.now())) {
			return;
		}
		if (ex instanceof StorageTaskNotFoundException) {
			giveUp(tracked, StorageTaskTrackingFailedEvent.Reason.TASK_NOT_FOUND, ex);
		}
		else if (tracked.task.corpId() != null && ex instanceof DingTalkAuthenticationException refused
				&& DingTalkErrorCodes.AUTHORIZATION_WITHDRAWN.equals(refused.getErrorCode())) {
			giveUp(tracked, StorageTaskTrackingFailedEvent.Reason.UNAUTHORIZED, ex);
		}
		else if (tooOld(tracked)) {
			giveUp(tracked, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, ex);
		}
		else if (!(ex instanceof DingTalkClientClosedException)) {
			logger.debug("Polling tracked task " + tracked.task.taskId() + " failed, polling it again later: " + ex);
			tracked.lastError = ex;
		}
	}

	private boolean tooOld(Tracked tracked) {
		return Duration.between(tracked.task.trackedAt(), this.loop.wallClock()).compareTo(this.settings.maxAge()) > 0;
	}

	private void giveUp(Tracked tracked, StorageTaskTrackingFailedEvent.Reason reason, @Nullable Throwable ex) {
		unfollow(tracked);
		finish(tracked, new StorageTaskTrackingFailedEvent(tracked.task, reason, ex));
	}

	private void finish(Tracked tracked, Object event) {
		String taskId = tracked.task.taskId();
		String type = (event instanceof StorageTaskCompletedEvent) ? COMPLETED : TRACKING_FAILED;
		Sinks.Empty<Void> delivered = Sinks.empty();
		tracked.delivered = delivered;
		AtomicInteger attempts = new AtomicInteger();
		Set<Object> took = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
		Mono<Void> offer = Mono.defer(() -> {
			int attempt = attempts.incrementAndGet();
			return Flux.fromIterable(this.listeners.of(event))
				.filter((listener) -> !took.contains(listener.key()))
				.concatMap((listener) -> offer(listener, event, attempt, took))
				.collectList()
				.flatMap((failures) -> failures.isEmpty() ? Mono.<Void>empty() : Mono.error(failures.get(0)));
		});
		// the terminal state is saved first: should this instance die while listeners
		// run, the instance that takes the task over delivers without polling again; and
		// only the holder delivers
		Mono<TrackedTaskStore.Update> save = tracked.unsaved ? Mono.just(TrackedTaskStore.Update.SAVED)
				: this.store.update(tracked.task)
					.flatMap((update) -> (update != TrackedTaskStore.Update.MISSING) ? Mono.just(update)
							: this.store.add(tracked.task).thenReturn(TrackedTaskStore.Update.SAVED))
					.onErrorReturn(TrackedTaskStore.Update.SAVED);
		save.flatMap((update) -> {
			if (update != TrackedTaskStore.Update.SAVED) {
				logger.debug("Not announcing " + event + ": " + update);
				return Mono.<Boolean>empty();
			}
			return offer
				.retryWhen(Retry.backoff(this.settings.deliveryMaxAttempts() - 1L, this.settings.deliveryBackoff())
					.maxBackoff(this.settings.deliveryMaxBackoff())
					.scheduler(this.timer)
					.doBeforeRetry((signal) -> logger
						.debug("Offering " + event + " again later to the listeners that did not take it")))
				.then(Mono.fromSupplier(() -> (attempts.get() == 1) ? DELIVERED : REDELIVERED))
				.onErrorResume((ex) -> {
					logger.error(
							"Setting " + event + " aside after " + attempts.get() + " failed deliveries; "
									+ "StorageTaskTracker.redeliver(\"" + taskId + "\") offers it again",
							ex.getCause());
					return Mono.just(UNDELIVERED);
				})
				.flatMap((outcome) -> {
					this.metrics.event(type, outcome);
					if (outcome.equals(UNDELIVERED)) {
						// should Redis not take it now, the task stays with its terminal
						// state and is offered again by the instance that takes it over
						return this.store.park(tracked.task.withUndeliveredSince(this.loop.wallClock()))
							.onErrorResume((ex) -> Mono.just(false));
					}
					return this.store.finish(taskId).onErrorResume((ex) -> {
						this.loop.execute(() -> this.removals.add(taskId));
						return Mono.just(false);
					});
				});
		}).doFinally((signal) -> {
			this.loop.execute(() -> forget(tracked));
			delivered.tryEmitEmpty();
		}).subscribe();
	}

	/*
	 * Offers an event to one listener; answers what it failed with, if it failed. A
	 * listener that hangs holds its thread, but not the event: after the timeout the
	 * offer counts as failed, and the next listener is offered the event.
	 */
	private Mono<Throwable> offer(EventListeners.Listener listener, Object event, int attempt, Set<Object> took) {
		return Mono.fromRunnable(listener.offer())
			.subscribeOn(this.delivery)
			.timeout(this.settings.deliveryTimeout(), this.timer)
			.then(Mono.fromRunnable(() -> took.add(listener.key())))
			.then(Mono.<Throwable>empty())
			.onErrorResume((ex) -> {
				logger.warn("Listener " + listener.key() + " of " + event + " failed (attempt " + attempt
						+ "); offering it the event again later: " + ex);
				return Mono.just(ex);
			});
	}

	private void unfollow(Tracked tracked) {
		this.schedule.unfollow(tracked.task.corpId(), tracked.task.taskId());
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
			String unionId = TaskTracker.this.schedule.settings().defaultUnionId();
			return (unionId != null) ? track(taskId, unionId, Map.of()) : Mono.error(new IllegalStateException(
					"track(taskId) needs an operator: pass the unionId or configure a default one"));
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

	/**
	 * One held task and how its tracking stands.
	 */
	private static final class Tracked {

		private TrackedTask task;

		/**
		 * When the lease runs out by the loop's clock; never for a task the store lacks.
		 */
		private long leaseUntil;

		private boolean suspended;

		private boolean unsaved;

		private @Nullable Throwable lastError;

		private Sinks.@Nullable Empty<Void> delivered;

		Tracked(TrackedTask task, long leaseUntil, boolean unsaved) {
			this.task = task;
			this.leaseUntil = leaseUntil;
			this.unsaved = unsaved;
		}

	}

	/**
	 * A claim's answer and the ids it was sent.
	 */
	private record ClaimResult(TrackedTaskStore.Claim claim, List<String> sent) {
	}

}
