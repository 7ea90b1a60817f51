package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.StorageTask;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When to poll a followed task next. A task that reports progress (its subtask counts) is
 * expected to go on at the rate seen so far: the next poll goes out at the predicted end
 * when the prediction is precise, else when {@link #LEAD} of the time to the earliest
 * possible end has passed, to predict again from there; never further ahead than
 * {@link #HORIZON}, never sooner than the initial interval. Without progress it backs off
 * as a watch always did: from the initial interval, growing while nothing changes. One
 * planner per task; not thread-safe.
 */
final class PollPlanner {

	/** The share of the predicted remaining time to wait before the next poll. */
	static final double LEAD = 0.9;

	/** The longest wait a prediction may ask for: a prediction is only a guess. */
	static final Duration HORIZON = Duration.ofMinutes(2);

	/**
	 * A begin time further back than this is not believed: no storage task runs that
	 * long, and a clock or a record that says so would stretch the first prediction to
	 * the horizon.
	 */
	static final Duration PLAUSIBLE_AGE = Duration.ofDays(1);

	private final StorageTaskSettings settings;

	private long baseNanos = Long.MIN_VALUE;

	private long baseDone;

	private Duration interval;

	PollPlanner(StorageTaskSettings settings) {
		this.settings = settings;
		this.interval = settings.initialPollInterval();
	}

	/**
	 * Plan after an answer.
	 * @param previous the answer before, or {@code null} for the first one
	 * @param task the answer
	 * @param nowNanos when it arrived, on the tracker's clock
	 * @param now when it arrived, on the wall clock (DingTalk's begin time is on it)
	 * @return the delay before the next poll
	 */
	Duration next(@Nullable StorageTask previous, StorageTask task, long nowNanos, Instant now) {
		long done = task.successCount() + task.failCount();
		if (this.baseNanos == Long.MIN_VALUE) {
			this.baseNanos = nowNanos;
			this.baseDone = done;
			Duration fromBegin = predictFromBegin(task, done, now);
			if (fromBegin != null) {
				return fromBegin;
			}
		}
		else if (task.totalCount() > 0 && done > this.baseDone && nowNanos > this.baseNanos) {
			return predict(task.totalCount(), done, done - this.baseDone, nowNanos - this.baseNanos);
		}
		return backOff(previous == null || !PollSchedule.sameProgress(previous, task));
	}

	/**
	 * Plan after a failed poll: back off as if nothing changed.
	 * @return the delay before the next poll
	 */
	Duration afterFailure() {
		return backOff(false);
	}

	// DingTalk's clock may differ from ours, so the first answer's begin time only seeds
	// the prediction; from the second answer on, both ends are our own observations
	private @Nullable Duration predictFromBegin(StorageTask task, long done, Instant now) {
		Instant begin = task.beginTime();
		if (begin == null || task.totalCount() <= 0 || done <= 0 || !now.isAfter(begin)
				|| begin.isBefore(now.minus(PLAUSIBLE_AGE))) {
			return null;
		}
		return predict(task.totalCount(), done, done, Duration.between(begin, now).toNanos());
	}

	// DingTalk's counts are whole subtasks: the true progress lies between the count and
	// the next one, so the end lies between an earliest and a latest prediction. When
	// they are closer together than the shortest poll interval, the next poll goes out
	// at the latest end, where the task has most likely ended: one poll, not an approach.
	// Otherwise (few subtasks seen yet, so the predictions are far apart) it goes out
	// when LEAD of the time to the earliest end has passed, to predict again from there
	private Duration predict(long total, long done, long moved, long elapsedNanos) {
		long earliest = (long) (Math.max(0, total - done - 1) * elapsedNanos / (double) (moved + 1));
		long latest = (long) ((total - done) * elapsedNanos / (double) moved);
		long shortest = this.settings.initialPollInterval().toNanos();
		this.interval = this.settings.initialPollInterval();
		long wait = (latest - earliest <= shortest) ? latest : (long) (earliest * LEAD);
		return Duration.ofNanos(Math.max(Math.min(wait, HORIZON.toNanos()), shortest));
	}

	private Duration backOff(boolean changed) {
		this.interval = this.settings.nextPollInterval(this.interval, changed);
		return this.interval;
	}

}
