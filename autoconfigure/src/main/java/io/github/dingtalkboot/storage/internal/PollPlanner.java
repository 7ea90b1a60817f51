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

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * When a followed task is worth polling again, from what its answers show ({@link Plan}):
 * the end its progress predicts, if the evidence supports one ({@code likely}), and the
 * latest the next poll may go out while the schedule has slots to spare ({@code promise}:
 * the back-off without a prediction, {@code max-interval} with one). The schedule keeps
 * the promise while the rate allows and lets predicted ends go first when it does not.
 * <p>
 * Progress is measured from the first answer that shows it: time spent in INIT, while
 * DingTalk queues the task, is not progress time. Tasks of {@link #EVIDENCE} subtasks or
 * fewer are not predicted. DingTalk's begin time seeds the first prediction only when it
 * is recent and not in the future; counts that go backwards or a total that changes start
 * the measurement again; the rate since the start, the rate since the previous answer and
 * the fastest rate seen so far each predict an end and the earliest counts, so a task
 * that stalled and resumed is not predicted from its slowest stretch (an early guess
 * costs one poll, a late one may cost minutes when the rate is short). One planner per
 * task; not thread-safe.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class PollPlanner {

	/**
	 * The share of the time to the earliest possible end to wait before predicting again.
	 */
	static final double LEAD = 0.9;

	/** The longest wait a prediction may ask for: a prediction is only a guess. */
	static final Duration HORIZON = Duration.ofMinutes(2);

	/**
	 * A begin time further back than this is not believed: bulk moves of at most 50 items
	 * do not run that long, and a clock of DingTalk's that is off (or a begin time that
	 * includes a long queue) would predict an end far too late.
	 */
	static final Duration PLAUSIBLE_AGE = Duration.ofMinutes(10);

	/**
	 * The most subtasks of a task that is never predicted. Bulk moves and deletes have at
	 * most 50 items whose sizes differ widely: a rate seen over a few of them says little
	 * of when the rest end, and a late prediction holds the next poll back longer than
	 * the back-off would. For them the back-off rules.
	 */
	static final long EVIDENCE = 50;

	private static final long NONE = Long.MIN_VALUE;

	private final StorageTaskSettings settings;

	private long baseNanos = NONE;

	private long baseDone;

	private long baseTotal;

	private long lastNanos = NONE;

	private long lastDone;

	/** The window of the fastest progress seen: subtasks moved and the time it took. */
	private long fastestMoved;

	private long fastestNanos;

	private Duration interval;

	PollPlanner(StorageTaskSettings settings) {
		this.settings = settings;
		this.interval = settings.initialPollInterval();
	}

	/**
	 * Plan after an answer.
	 * @param previous the answer before, or {@code null} for the first one
	 * @param task the answer
	 * @param nowNanos when it arrived, on the schedule's clock
	 * @param now when it arrived, on the wall clock (DingTalk's begin time is on it)
	 * @return when to poll next
	 */
	Plan next(@Nullable StorageTask previous, StorageTask task, long nowNanos, Instant now) {
		Duration backOff = backOff(previous == null || !TaskProgress.same(previous, task));
		Plan predicted = predict(task, nowNanos, now);
		return (predicted != null) ? predicted : new Plan(null, backOff, true);
	}

	/**
	 * Plan after a failed poll: back off as if nothing changed, and spend no spare slot
	 * on a task whose polls fail.
	 * @return when to poll next
	 */
	Plan afterFailure() {
		Duration backOff = backOff(false);
		return new Plan(null, backOff, false);
	}

	private @Nullable Plan predict(StorageTask task, long nowNanos, Instant now) {
		long done = task.successCount() + task.failCount();
		long total = task.totalCount();
		boolean progressing = task.status() == StorageTaskStatus.IN_PROGRESS || done > 0;
		if (!progressing || total <= 0 || done > total) {
			this.baseNanos = NONE;
			return null;
		}
		if (this.baseNanos == NONE || done < this.lastDone || total != this.baseTotal) {
			this.baseNanos = nowNanos;
			this.baseDone = done;
			this.baseTotal = total;
			this.lastNanos = nowNanos;
			this.lastDone = done;
			this.fastestMoved = 0;
			long sinceStart = sinceStart(task, now);
			if (done <= 0 || sinceStart <= 0) {
				return null;
			}
			this.fastestMoved = done;
			this.fastestNanos = sinceStart;
			return predicted(estimate(total, done, done, sinceStart));
		}
		long moved = done - this.lastDone;
		long took = nowNanos - this.lastNanos;
		Duration fromLast = estimate(total, done, moved, took);
		if (moved > 0
				&& (this.fastestMoved == 0 || moved * (double) this.fastestNanos > this.fastestMoved * (double) took)) {
			this.fastestMoved = moved;
			this.fastestNanos = took;
		}
		this.lastNanos = nowNanos;
		this.lastDone = done;
		Duration likely = earlier(estimate(total, done, done - this.baseDone, nowNanos - this.baseNanos), fromLast);
		likely = earlier(likely, estimate(total, done, this.fastestMoved, this.fastestNanos));
		return predicted(likely);
	}

	// DingTalk's clock may differ from ours and its begin time may include the time the
	// task was queued, so it is believed only when recent and not in the future, and it
	// only seeds the first prediction: from the second answer on, both ends of every
	// measurement are our own observations
	private long sinceStart(StorageTask task, Instant now) {
		Instant begin = task.beginTime();
		if (begin == null || !now.isAfter(begin) || begin.isBefore(now.minus(PLAUSIBLE_AGE))) {
			return NONE;
		}
		return Duration.between(begin, now).toNanos();
	}

	private static @Nullable Duration earlier(@Nullable Duration one, @Nullable Duration other) {
		return (one == null || (other != null && other.compareTo(one) < 0)) ? other : one;
	}

	private @Nullable Plan predicted(@Nullable Duration likely) {
		return (likely != null) ? new Plan(likely, this.settings.maxPollInterval(), true) : null;
	}

	// DingTalk's counts are whole subtasks: the true progress lies between the count and
	// the next one, so the end lies between an earliest and a latest prediction. When
	// they are closer together than the shortest poll interval, the task has most likely
	// ended at the latest one. Otherwise (the predictions are far apart) it is worth a
	// look when LEAD of the time to the earliest end has passed, to predict again from
	// there
	private @Nullable Duration estimate(long total, long done, long moved, long elapsedNanos) {
		if (total <= EVIDENCE || moved <= 0 || elapsedNanos <= 0) {
			return null;
		}
		long earliest = (long) (Math.max(0, total - done - 1) * elapsedNanos / (double) (moved + 1));
		long latest = (long) ((total - done) * elapsedNanos / (double) moved);
		long shortest = this.settings.initialPollInterval().toNanos();
		long wait = (latest - earliest <= shortest) ? latest : (long) (earliest * LEAD);
		return Duration.ofNanos(Math.max(Math.min(wait, HORIZON.toNanos()), shortest));
	}

	private Duration backOff(boolean changed) {
		this.interval = this.settings.nextPollInterval(this.interval, changed);
		return this.interval;
	}

	/**
	 * When to poll a task next, counted from its answer.
	 *
	 * @param likely when the task's progress predicts it has most likely ended, or is
	 * worth predicting again; {@code null} without a prediction
	 * @param promise the longest wait while the schedule has slots to spare
	 * @param spare whether a spare slot may poll it sooner
	 */
	record Plan(@Nullable Duration likely, Duration promise, boolean spare) {

	}

}
