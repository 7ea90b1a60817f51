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

import io.github.dingtalkboot.storage.TrackedTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The tracker's leases, reconciled with the store at each claim: a task this instance
 * holds is followed only while its lease runs by this instance's own clock (the lease is
 * counted from before the claim that renewed it was sent); once it runs out, another
 * instance may hold the task, so this one suspends it until a claim gives it back. A
 * claim carries out the removals the store did not answer, saves the tasks it lacks,
 * renews the held ones, takes the tasks the store gives, forgets those another instance
 * took and writes back those the store lost. Used on the schedule's loop only.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class LeaseClaims {

	private static final Log logger = LogFactory.getLog(LeaseClaims.class);

	private final TrackedTaskStore store;

	private final HeldTasks tasks;

	private final long leaseNanos;

	private final PollLoop loop;

	private final Holder holder;

	private long lastWriteBackWarning = Long.MIN_VALUE;

	/**
	 * Create the claims of a tracker.
	 * @param store where tracked tasks are kept
	 * @param tasks the tasks this instance holds
	 * @param settings the lease
	 * @param loop the schedule's loop
	 * @param holder what the claims' outcomes do to the tracker
	 */
	LeaseClaims(TrackedTaskStore store, HeldTasks tasks, TrackerSettings settings, PollLoop loop, Holder holder) {
		this.store = store;
		this.tasks = tasks;
		this.leaseNanos = settings.lease().toNanos();
		this.loop = loop;
		this.holder = holder;
	}

	/**
	 * The lease of a task held from the given time on.
	 * @param from the loop's time the lease is counted from
	 * @return when it runs out
	 */
	long leaseFrom(long from) {
		return from + this.leaseNanos;
	}

	/**
	 * Claim from the store: renew what this instance holds, take what is free.
	 */
	void claim() {
		if (this.holder.stopped()) {
			return;
		}
		long requestedAt = this.loop.now();
		List<TrackedTask> unsaved = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (TrackedEntry entry : this.tasks.entries()) {
			if (entry.isFollowed() && this.holder.gaveUpOnAge(entry)) {
				continue;
			}
			if (entry.unsaved) {
				unsaved.add(entry.task);
			}
			else {
				if (entry.isFollowed()) {
					leaseRanOut(entry, requestedAt);
				}
				ids.add(entry.taskId());
			}
		}
		List<String> removals = this.tasks.pendingRemovals();
		Flux.fromIterable(removals)
			.concatMap(this.store::remove)
			.then(Mono.fromRunnable(() -> this.loop.execute(() -> this.tasks.removed(removals))))
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

	/**
	 * Whether the task's lease has run out by this instance's clock; suspends it if so.
	 * @param entry the task
	 * @param now the loop's clock
	 * @return {@code true} when it ran out
	 */
	boolean leaseRanOut(TrackedEntry entry, long now) {
		if (now - entry.leaseUntil < 0) {
			return false;
		}
		if (!entry.suspended) {
			logger.debug("The lease of tracked task " + entry.taskId()
					+ " ran out before it was renewed; not polling it until it is");
			entry.suspended = true;
			this.holder.suspended(entry);
		}
		return true;
	}

	/**
	 * Write back tasks the store lost while this instance followed them, with one WARN
	 * for each loss (a loss is usually seen at several claims and saves in a row).
	 * @param lost the tasks
	 */
	void writeBack(List<TrackedTask> lost) {
		if (lost.isEmpty()) {
			return;
		}
		long now = this.loop.now();
		if (this.lastWriteBackWarning == Long.MIN_VALUE || now - this.lastWriteBackWarning > this.leaseNanos) {
			logger.warn("The tracked task store lost " + lost.size() + " task(s) this instance follows (Redis "
					+ "restarted without persistence, failed over, evicted or was flushed); writing them back");
		}
		this.lastWriteBackWarning = now;
		Flux.fromIterable(lost)
			.concatMap((task) -> this.store.add(task).thenReturn(task.taskId()))
			.subscribe((taskId) -> this.loop.execute(() -> {
				TrackedEntry entry = this.tasks.get(taskId);
				if (entry != null && entry.isFollowed()) {
					renewed(entry, now);
				}
			}), (ex) -> logger.debug("Writing back tracked tasks failed; trying again at the next claim: " + ex));
	}

	private void markSaved(String taskId) {
		TrackedEntry entry = this.tasks.get(taskId);
		if (entry != null) {
			entry.unsaved = false;
		}
	}

	private void claimed(ClaimResult result, long requestedAt) {
		if (this.holder.stopped()) {
			return;
		}
		TrackedTaskStore.Claim claim = result.claim();
		for (TrackedTask task : claim.taken()) {
			if (!this.tasks.isRemovalPending(task.taskId())) {
				this.holder.adopt(task, requestedAt);
			}
		}
		List<TrackedTask> missing = new ArrayList<>();
		for (String taskId : result.sent()) {
			TrackedEntry entry = this.tasks.get(taskId);
			if (entry == null || !entry.isFollowed()) {
				continue;
			}
			if (claim.lost().contains(taskId)) {
				// another instance holds it now, or it was untracked there
				this.holder.forget(entry);
			}
			else if (claim.missing().contains(taskId)) {
				missing.add(entry.task);
			}
			else {
				renewed(entry, requestedAt);
			}
		}
		writeBack(missing);
	}

	private void renewed(TrackedEntry entry, long from) {
		entry.leaseUntil = leaseFrom(from);
		if (entry.suspended) {
			this.holder.resume(entry);
		}
	}

	/**
	 * What a claim's outcomes do to the tracker.
	 */
	interface Holder {

		boolean stopped();

		/**
		 * Hold a task the store gave this instance.
		 * @param task the task
		 * @param leaseFrom the loop's time its lease is counted from
		 */
		void adopt(TrackedTask task, long leaseFrom);

		void forget(TrackedEntry entry);

		/**
		 * Give up a task tracked for longer than allowed.
		 * @param entry the task
		 * @return {@code true} when it was given up
		 */
		boolean gaveUpOnAge(TrackedEntry entry);

		/**
		 * Stop polling a task whose lease ran out.
		 * @param entry the task
		 */
		void suspended(TrackedEntry entry);

		/**
		 * Poll a suspended task again: its lease was renewed.
		 * @param entry the task
		 */
		void resume(TrackedEntry entry);

	}

	/**
	 * A claim's answer and the ids it was sent.
	 */
	private record ClaimResult(TrackedTaskStore.Claim claim, List<String> sent) {
	}

}
