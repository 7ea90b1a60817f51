package io.github.dingtalkboot.testsupport;

import java.time.Duration;
import java.util.Random;

/**
 * The families of tasks the poll schedule is measured on, in the virtual-time tests and
 * in {@code TrackingBenchmark}: each draws one task's {@link TaskShape} with a duration
 * between a shortest and a longest one.
 */
public enum TaskShapes {

	/**
	 * 1,000 subtasks moving evenly from the start, no INIT phase: the old benchmark's
	 * tasks.
	 */
	LINEAR {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.linear(Duration.ZERO, duration, 1000);
		}
	},

	/** 0.5–8 s in INIT, then 1,000 subtasks moving evenly. */
	INIT_LINEAR {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.linear(init, duration, 1000);
		}
	},

	/**
	 * Bulk moves as DingTalk runs them: 0.5–8 s in INIT, then 1 to 50 subtasks (the
	 * limits of batchMove and batchRemove) ending after exponential gaps.
	 */
	REAL {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.lumpy(init, duration, 1 + random.nextInt(50), random);
		}
	},

	/** One subtask after INIT: nothing to predict from. */
	ONE_SUBTASK {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.lumpy(init, duration, 1, random);
		}
	},

	/** Three subtasks of uneven sizes after INIT. */
	THREE_SUBTASKS {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.lumpy(init, duration, 3, random);
		}
	},

	/** Thirty subtasks of uneven sizes after INIT. */
	THIRTY_SUBTASKS {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.lumpy(init, duration, 30, random);
		}
	},

	/** INIT, then 1,000 subtasks moving evenly with a 20 s stall halfway. */
	PAUSED {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.linear(init, duration, 1000).pausingHalfway(Duration.ofSeconds(20));
		}
	},

	/** INIT, then 1,000 subtasks moving evenly until the task fails halfway. */
	FAILING {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.linear(init, duration, 1000).failingHalfway();
		}
	},

	/**
	 * INIT, then 1,000 subtasks moving evenly, with DingTalk's begin time an hour early.
	 */
	SKEWED {
		@Override
		TaskShape shape(Random random, Duration init, Duration duration) {
			return TaskShape.linear(init, duration, 1000).beginTimeOff(Duration.ofHours(-1));
		}
	};

	/**
	 * Draw one task.
	 * @param random where the durations come from
	 * @param shortest the shortest duration (INIT included)
	 * @param longest the longest duration
	 * @return the task's shape
	 */
	public TaskShape draw(Random random, Duration shortest, Duration longest) {
		Duration init = (this == LINEAR) ? Duration.ZERO : Duration.ofMillis(500 + random.nextInt(7500));
		Duration duration = shortest
			.plusMillis((long) (random.nextDouble() * (longest.toMillis() - shortest.toMillis())));
		if (duration.compareTo(init.plusSeconds(1)) < 0) {
			duration = init.plusSeconds(1);
		}
		return shape(random, init, duration);
	}

	abstract TaskShape shape(Random random, Duration init, Duration duration);

}
