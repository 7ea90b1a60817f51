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
	LINEAR((random, init, duration) -> TaskShape.linear(Duration.ZERO, duration, 1000)),

	/** 0.5–8 s in INIT, then 1,000 subtasks moving evenly. */
	INIT_LINEAR((random, init, duration) -> TaskShape.linear(init, duration, 1000)),

	/**
	 * Bulk moves as DingTalk runs them: 0.5–8 s in INIT, then 1 to 50 subtasks (the
	 * limits of batchMove and batchRemove) ending after exponential gaps.
	 */
	REAL((random, init, duration) -> TaskShape.lumpy(init, duration, 1 + random.nextInt(50), random)),

	/** One subtask after INIT: nothing to predict from. */
	ONE_SUBTASK((random, init, duration) -> TaskShape.lumpy(init, duration, 1, random)),

	/** Three subtasks of uneven sizes after INIT. */
	THREE_SUBTASKS((random, init, duration) -> TaskShape.lumpy(init, duration, 3, random)),

	/** Thirty subtasks of uneven sizes after INIT. */
	THIRTY_SUBTASKS((random, init, duration) -> TaskShape.lumpy(init, duration, 30, random)),

	/** INIT, then 1,000 subtasks moving evenly with a 20 s stall halfway. */
	PAUSED((random, init, duration) -> TaskShape.linear(init, duration, 1000).pausingHalfway(Duration.ofSeconds(20))),

	/** INIT, then 1,000 subtasks moving evenly until the task fails halfway. */
	FAILING((random, init, duration) -> TaskShape.linear(init, duration, 1000).failingHalfway()),

	/**
	 * INIT, then 1,000 subtasks moving evenly, with DingTalk's begin time an hour early.
	 */
	SKEWED((random, init, duration) -> TaskShape.linear(init, duration, 1000).beginTimeOff(Duration.ofHours(-1)));

	private final Family family;

	TaskShapes(Family family) {
		this.family = family;
	}

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
		return this.family.shape(random, init, duration);
	}

	@FunctionalInterface
	private interface Family {

		TaskShape shape(Random random, Duration init, Duration duration);

	}

}
