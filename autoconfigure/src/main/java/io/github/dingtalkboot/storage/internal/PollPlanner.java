package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.StorageTask;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * When to poll a tracked task next. A task that reports progress (its subtask counts) is
 * expected to go on at the rate seen so far: the next poll goes out when {@link #LEAD} of
 * the predicted remaining time has passed, so that the prediction is checked before the
 * end and polls close in on it. Without progress it backs off as a watch does: from the
 * initial interval, growing while nothing changes. One planner per task; not thread-safe.
 */
final class PollPlanner {

	/** The share of the predicted remaining time to wait before the next poll. */
	static final double LEAD = 0.9;

	/** The longest wait a prediction may ask for: a prediction is only a guess. */
	static final Duration HORIZON = Duration.ofMinutes(1);

	/**
	 * A begin time further back than this is not believed: no storage task runs that
	 * long, and a clock or a record that says so would stretch the first prediction to
	 * the horizon.
	 */
	static final Duration PLAUSIBLE_AGE = Duration.ofDays(1);

	private final StorageTaskSettings settings;

	private long baseNanos = Long.MIN_VALUE;

	private long baseDone;

	private @Nullable StorageTask last;

	private Duration interval;

	PollPlanner(StorageTaskSettings settings) {
		this.settings = settings;
		this.interval = settings.initialPollInterval();
	}

	/**
	 * Plan after an answer.
	 * @param task the answer
	 * @param nowNanos when it arrived, on the tracker's clock
	 * @param now when it arrived, on the wall clock (DingTalk's begin time is on it)
	 * @return the delay before the next poll
	 */
	Duration next(StorageTask task, long nowNanos, Instant now) {
		StorageTask previous = this.last;
		this.last = task;
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
			double perNano = (done - this.baseDone) / (double) (nowNanos - this.baseNanos);
			return lead((long) ((task.totalCount() - done) / perNano));
		}
		return backOff(previous == null || changed(previous, task));
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
		double perNano = done / (double) Duration.between(begin, now).toNanos();
		return lead((long) ((task.totalCount() - done) / perNano));
	}

	private Duration lead(long remainingNanos) {
		this.interval = this.settings.initialPollInterval();
		long wait = Math.min((long) (remainingNanos * LEAD), HORIZON.toNanos());
		return Duration.ofNanos(Math.max(wait, this.settings.initialPollInterval().toNanos()));
	}

	private Duration backOff(boolean changed) {
		this.interval = this.settings.nextPollInterval(this.interval, changed);
		return this.interval;
	}

	private static boolean changed(StorageTask previous, StorageTask task) {
		return previous.status() != task.status() || previous.totalCount() != task.totalCount()
				|| previous.successCount() != task.successCount() || previous.failCount() != task.failCount();
	}

}
