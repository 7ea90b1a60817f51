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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The tasks the schedule polls, and which of them to poll next. The corps take turns: of
 * the corps with a task to poll, the one given a slot longest ago goes first, so a corp
 * with thousands of tasks does not push another corp's few to the back (DingTalk's rate
 * limit is the app's, shared by its corps). Within a corp, in this order: first polls of
 * unseen tasks, taking turns ({@link #UNSEEN_PER_KNOWN} to one) with known tasks whose
 * predicted end has come or, when none has, whose back-off has run out (the most overdue
 * first); then predicted tasks whose promise ({@code max-interval}) has run out, the most
 * overdue first; then, when a limiter paces the polls, spare polls of tasks last polled
 * at least {@code initial-interval} ago, the one polled longest ago first: predicted ends
 * have their own turn above, and any task may fail at any time. A predicted task waits at
 * most until its predicted end, so none starves. Used on the schedule's loop only.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DueTasks {

	/**
	 * While both are due, how many first polls (of tasks never seen) go out per poll of a
	 * task seen before: a first poll may find a task that already ended, a later one
	 * mostly confirms a predicted end, and neither kind may starve the other.
	 * PollScheduleDetectionTests measures how soon ended tasks are seen with it.
	 */
	static final int UNSEEN_PER_KNOWN = 4;

	private final Map<TaskKey, PolledTask> tasks = new HashMap<>();

	/** The corps that have tasks, and when each was last given a slot. */
	private final Map<String, CorpTurn> corps = new HashMap<>();

	private final StorageTaskSettings settings;

	private final boolean paced;

	private boolean preferUnseen;

	/** Slots given so far: when a corp was last given one, in that count. */
	private long slotsGiven;

	private int unseenStreak;

	/**
	 * Create the tasks of a schedule.
	 * @param settings the back-off of a task without progress
	 * @param paced whether a rate limiter paces the polls (spare polls need one)
	 */
	DueTasks(StorageTaskSettings settings, boolean paced) {
		this.settings = settings;
		this.paced = paced;
	}

	PolledTask getOrAdd(TaskKey key, String unionId, long now) {
		PolledTask task = this.tasks.get(key);
		if (task == null) {
			task = new PolledTask(key, unionId, this.settings, now);
			this.tasks.put(key, task);
			this.corps.computeIfAbsent(key.corp(), (corp) -> new CorpTurn()).tasks++;
		}
		return task;
	}

	@Nullable PolledTask get(TaskKey key) {
		return this.tasks.get(key);
	}

	/**
	 * Whether a task is still polled: an answer to a poll of a task removed since (and
	 * perhaps added again) is not its answer.
	 * @param task the task
	 * @return {@code true} when the task is the one polled for its key
	 */
	boolean isCurrent(PolledTask task) {
		return this.tasks.get(task.key) == task;
	}

	void remove(PolledTask task) {
		if (this.tasks.remove(task.key, task)) {
			CorpTurn turn = this.corps.get(task.key.corp());
			if (turn != null && --turn.tasks == 0) {
				this.corps.remove(task.key.corp());
			}
		}
	}

	List<PolledTask> removeAll() {
		List<PolledTask> removed = List.copyOf(this.tasks.values());
		this.tasks.clear();
		this.corps.clear();
		return removed;
	}

	/**
	 * Note that a task is polled now: the turn of unseen and known tasks, and its corp's
	 * turn.
	 * @param task the task
	 */
	void polled(PolledTask task) {
		if (task.last != null) {
			this.preferUnseen = true;
			this.unseenStreak = 0;
		}
		else if (++this.unseenStreak >= UNSEEN_PER_KNOWN) {
			this.preferUnseen = false;
		}
		CorpTurn turn = this.corps.get(task.key.corp());
		if (turn != null) {
			turn.servedAt = ++this.slotsGiven;
		}
	}

	/**
	 * The task to poll now, if any.
	 * @param now the loop's clock
	 * @return the task, or {@code null} when none is due
	 */
	@Nullable PolledTask pick(long now) {
		if (this.corps.size() <= 1) {
			Candidates candidates = new Candidates();
			for (PolledTask task : this.tasks.values()) {
				candidates.consider(task, now);
			}
			return candidates.choice();
		}
		Map<String, Candidates> byCorp = new HashMap<>();
		for (PolledTask task : this.tasks.values()) {
			byCorp.computeIfAbsent(task.key.corp(), (corp) -> new Candidates()).consider(task, now);
		}
		PolledTask next = null;
		long nextServedAt = Long.MAX_VALUE;
		for (Map.Entry<String, Candidates> corp : byCorp.entrySet()) {
			PolledTask choice = corp.getValue().choice();
			CorpTurn turn = this.corps.get(corp.getKey());
			long servedAt = (turn != null) ? turn.servedAt : Long.MIN_VALUE;
			if (choice != null && (next == null || servedAt < nextServedAt)) {
				next = choice;
				nextServedAt = servedAt;
			}
		}
		return next;
	}

	/**
	 * When the next task can be picked.
	 * @return the time, or {@link Long#MAX_VALUE} for never
	 */
	long nextPick() {
		long next = Long.MAX_VALUE;
		for (PolledTask task : this.tasks.values()) {
			if (task.poll == null) {
				long at = Math.min(task.likelyAt, task.promiseAt);
				next = Math.min(next, this.paced ? Math.min(at, task.spareAt) : at);
			}
		}
		return next;
	}

	private static PolledTask earlierPromise(@Nullable PolledTask best, PolledTask task) {
		return (best == null || task.promiseAt < best.promiseAt) ? task : best;
	}

	/**
	 * The tasks of one corp that may be polled now, the best of each kind.
	 */
	private final class Candidates {

		private @Nullable PolledTask unseen;

		private @Nullable PolledTask likely;

		private @Nullable PolledTask backedOff;

		private @Nullable PolledTask covered;

		private @Nullable PolledTask spare;

		void consider(PolledTask task, long now) {
			if (task.poll != null) {
				return;
			}
			if (task.last == null) {
				// due from the moment it was added
				if (this.unseen == null || task.likelyAt < this.unseen.likelyAt) {
					this.unseen = task;
				}
			}
			else if (task.predicted && task.likelyAt <= now) {
				if (this.likely == null || task.likelyAt < this.likely.likelyAt) {
					this.likely = task;
				}
			}
			else if (task.promiseAt <= now && !task.predicted) {
				this.backedOff = earlierPromise(this.backedOff, task);
			}
			else if (task.promiseAt <= now) {
				this.covered = earlierPromise(this.covered, task);
			}
			else if (DueTasks.this.paced && task.spareAt <= now
					&& (this.spare == null || task.answeredAt < this.spare.answeredAt)) {
				this.spare = task;
			}
		}

		@Nullable PolledTask choice() {
			// a task polled on its back-off shares the slots with first polls, as a
			// predicted end does; a predicted task polled before its end to keep the
			// promise does not
			PolledTask likely = this.likely;
			PolledTask backedOff = this.backedOff;
			PolledTask known = (likely == null || (backedOff != null && backedOff.promiseAt < likely.likelyAt))
					? backedOff : likely;
			PolledTask unseen = this.unseen;
			if (unseen != null && known != null) {
				return DueTasks.this.preferUnseen ? unseen : known;
			}
			if (unseen != null || known != null) {
				return (unseen != null) ? unseen : known;
			}
			return (this.covered != null) ? this.covered : this.spare;
		}

	}

	/**
	 * A corp's tasks and when it was last given a slot (in slots given).
	 */
	private static final class CorpTurn {

		private int tasks;

		private long servedAt = Long.MIN_VALUE;

	}

}
