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

import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Follows the tasks this instance holds on the {@link PollSchedule} and turns their
 * answers into the tracker's state and events: saves each new state, gives up a task that
 * is gone, unauthorised or tracked for too long, and hands a finished task's event to the
 * {@link EventDelivery}. Its leases are the {@link LeaseClaims}'. Used on the schedule's
 * loop only.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class HeldTaskFollower {

	private static final Log logger = LogFactory.getLog(HeldTaskFollower.class);

	private final PollSchedule schedule;

	private final TrackedTaskStore store;

	private final HeldTasks tasks;

	private final TrackerSettings settings;

	private final TrackerMetrics metrics;

	private final PollLoop loop;

	private final LeaseClaims claims;

	private final EventDelivery delivery;

	private boolean started;

	private boolean stopped;

	HeldTaskFollower(PollSchedule schedule, TrackedTaskStore store, HeldTasks tasks, TrackerSettings settings,
			TrackerMetrics metrics, EventDelivery delivery) {
		this.schedule = schedule;
		this.store = store;
		this.tasks = tasks;
		this.settings = settings;
		this.metrics = metrics;
		this.loop = schedule.loop();
		this.claims = new LeaseClaims(store, tasks, settings, this.loop, new ClaimOutcomes());
		this.delivery = delivery;
	}

	/**
	 * Start following the held tasks.
	 * @return {@code false} when started or stopped before
	 */
	boolean start() {
		if (this.started || this.stopped) {
			return false;
		}
		this.started = true;
		this.tasks.entries().stream().filter(TrackedEntry::isFollowed).forEach(this::follow);
		return true;
	}

	void claim() {
		this.claims.claim();
	}

	/**
	 * Stop following.
	 * @return the deliveries under way
	 */
	List<Mono<Void>> halt() {
		this.stopped = true;
		List<Mono<Void>> deliveries = new ArrayList<>();
		for (TrackedEntry entry : this.tasks.entries()) {
			unfollow(entry);
			if (entry.delivered != null) {
				deliveries.add(entry.delivered.asMono());
			}
		}
		return deliveries;
	}

	void adopt(TrackedTask task, boolean unsaved, long leaseFrom) {
		if (this.stopped || this.tasks.contains(task.taskId())) {
			return;
		}
		TrackedEntry entry = new TrackedEntry(task, unsaved ? Long.MAX_VALUE : this.claims.leaseFrom(leaseFrom),
				unsaved);
		this.tasks.add(entry);
		StorageTask last = task.lastState();
		if (last != null && last.isTerminal()) {
			finish(entry, new StorageTaskCompletedEvent(last, task));
		}
		else if (this.started) {
			follow(entry);
		}
	}

	private void follow(TrackedEntry entry) {
		this.schedule.follow(entry.task.corpId(), entry.taskId(), entry.task.unionId(), new TaskFollower() {

			@Override
			public void answered(StorageTask task) {
				HeldTaskFollower.this.answered(entry, task);
			}

			@Override
			public void failed(Throwable ex) {
				HeldTaskFollower.this.failed(entry, ex);
			}

		});
	}

	private void unfollow(TrackedEntry entry) {
		this.schedule.unfollow(entry.task.corpId(), entry.taskId());
	}

	void drop(String taskId) {
		TrackedEntry entry = this.tasks.get(taskId);
		if (entry != null && entry.isFollowed()) {
			forget(entry);
		}
	}

	private void forget(TrackedEntry entry) {
		if (this.tasks.remove(entry)) {
			unfollow(entry);
		}
	}

	private void answered(TrackedEntry entry, StorageTask answer) {
		if (!this.tasks.isCurrent(entry) || !entry.isFollowed()) {
			return;
		}
		this.metrics.polled();
		if (this.claims.leaseRanOut(entry, this.loop.now())) {
			return;
		}
		entry.lastError = null;
		entry.task = entry.task.withLastState(answer);
		this.tasks.updated(entry);
		if (answer.isTerminal()) {
			finish(entry, new StorageTaskCompletedEvent(answer, entry.task));
		}
		else if (tooOld(entry)) {
			giveUp(entry, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, null);
		}
		else if (!entry.unsaved) {
			TrackedTask task = entry.task;
			this.store.update(task)
				.subscribe((update) -> this.loop.execute(() -> saved(entry, update)),
						(ex) -> logger.debug("Saving a task's state failed: " + ex));
		}
	}

	private void saved(TrackedEntry entry, TrackedTaskStore.Update update) {
		if (!this.tasks.isCurrent(entry) || !entry.isFollowed()) {
			return;
		}
		switch (update) {
			case TAKEN_OVER, REMOVED -> forget(entry);
			case MISSING -> this.claims.writeBack(List.of(entry.task));
			case SAVED -> {
			}
		}
	}

	private void failed(TrackedEntry entry, Throwable ex) {
		if (!this.tasks.isCurrent(entry) || !entry.isFollowed()) {
			return;
		}
		this.metrics.polled();
		if (this.claims.leaseRanOut(entry, this.loop.now())) {
			return;
		}
		if (ex instanceof StorageTaskNotFoundException) {
			giveUp(entry, StorageTaskTrackingFailedEvent.Reason.TASK_NOT_FOUND, ex);
		}
		else if (entry.task.corpId() != null && ex instanceof DingTalkAuthenticationException refused
				&& DingTalkErrorCodes.AUTHORIZATION_WITHDRAWN.equals(refused.getErrorCode())) {
			giveUp(entry, StorageTaskTrackingFailedEvent.Reason.UNAUTHORIZED, ex);
		}
		else if (tooOld(entry)) {
			giveUp(entry, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, ex);
		}
		else if (!(ex instanceof DingTalkClientClosedException)) {
			logger.debug("Polling tracked task " + entry.taskId() + " failed, polling it again later: " + ex);
			entry.lastError = ex;
		}
	}

	private boolean tooOld(TrackedEntry entry) {
		return Duration.between(entry.task.trackedAt(), this.loop.wallClock()).compareTo(this.settings.maxAge()) > 0;
	}

	private void giveUp(TrackedEntry entry, StorageTaskTrackingFailedEvent.Reason reason, @Nullable Throwable ex) {
		unfollow(entry);
		finish(entry, new StorageTaskTrackingFailedEvent(entry.task, reason, ex));
	}

	private void finish(TrackedEntry entry, Object event) {
		Sinks.Empty<Void> delivered = Sinks.empty();
		entry.delivered = delivered;
		this.delivery
			.deliver(entry.task, entry.unsaved, event,
					(taskId) -> this.loop.execute(() -> this.tasks.removalPending(taskId)))
			.doFinally((signal) -> {
				this.loop.execute(() -> forget(entry));
				delivered.tryEmitEmpty();
			})
			.subscribe();
	}

	/**
	 * What the lease claims' outcomes do to this tracker.
	 */
	private final class ClaimOutcomes implements LeaseClaims.Holder {

		@Override
		public boolean stopped() {
			return HeldTaskFollower.this.stopped;
		}

		@Override
		public void adopt(TrackedTask task, long leaseFrom) {
			HeldTaskFollower.this.adopt(task, false, leaseFrom);
		}

		@Override
		public void forget(TrackedEntry entry) {
			HeldTaskFollower.this.forget(entry);
		}

		@Override
		public boolean gaveUpOnAge(TrackedEntry entry) {
			if (!tooOld(entry)) {
				return false;
			}
			giveUp(entry, StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, entry.lastError);
			return true;
		}

		@Override
		public void suspended(TrackedEntry entry) {
			unfollow(entry);
		}

		@Override
		public void resume(TrackedEntry entry) {
			if (HeldTaskFollower.this.started) {
				entry.suspended = false;
				follow(entry);
			}
		}

	}

}
