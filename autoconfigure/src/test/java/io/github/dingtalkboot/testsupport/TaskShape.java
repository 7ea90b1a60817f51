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
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;

/**
 * How one storage task runs on DingTalk, as a function of the time since it was created:
 * INIT while it is queued, then its subtasks end one by one at given times, then SUCCESS
 * at the last one, or FAIL part of the way. Immutable; the same shape drives the
 * virtual-time tests and the benchmark's HTTP fake, so both measure the same tasks.
 * <p>
 * The shapes DingTalk really runs: bulk moves and deletes of 1 to 50 items, queued in
 * INIT for half a second to a few seconds, ending at uneven times because files differ in
 * size ({@link #lumpy}); and, for comparison with earlier measurements, 1,000 subtasks
 * moving evenly ({@link #linear}).
 */
public final class TaskShape {

	private final long initNanos;

	/** When each subtask ends, in nanoseconds since the task was created, ascending. */
	private final long[] subtaskEnds;

	/**
	 * When it ends: the last subtask's end, the failing one's, or (without counts) its
	 * own.
	 */
	private final long endNanos;

	private final int failAfter;

	private final Duration beginSkew;

	private TaskShape(long initNanos, long[] subtaskEnds, long endNanos, int failAfter, Duration beginSkew) {
		this.initNanos = initNanos;
		this.subtaskEnds = subtaskEnds;
		this.endNanos = endNanos;
		this.failAfter = failAfter;
		this.beginSkew = beginSkew;
	}

	/**
	 * Subtasks that end evenly spaced after the INIT phase.
	 * @param init how long the task waits in INIT
	 * @param duration how long it runs in all, INIT included
	 * @param subtasks how many subtasks it moves (0: it reports no counts)
	 * @return the shape
	 */
	public static TaskShape linear(Duration init, Duration duration, int subtasks) {
		long[] ends = new long[subtasks];
		long moving = duration.toNanos() - init.toNanos();
		for (int i = 0; i < subtasks; i++) {
			ends[i] = init.toNanos() + moving * (i + 1) / subtasks;
		}
		return new TaskShape(init.toNanos(), ends, duration.toNanos(), -1, Duration.ZERO);
	}

	/**
	 * Subtasks that end after exponential gaps (files of uneven sizes: a large one among
	 * small ones is a long gap), scaled so the last one ends at {@code duration}.
	 * @param init how long the task waits in INIT
	 * @param duration how long it runs in all, INIT included
	 * @param subtasks how many subtasks it moves
	 * @param random where the gaps come from
	 * @return the shape
	 */
	public static TaskShape lumpy(Duration init, Duration duration, int subtasks, Random random) {
		double[] gaps = new double[subtasks];
		double sum = 0;
		for (int i = 0; i < subtasks; i++) {
			gaps[i] = -Math.log(1 - random.nextDouble());
			sum += gaps[i];
		}
		long moving = duration.toNanos() - init.toNanos();
		long[] ends = new long[subtasks];
		double at = 0;
		for (int i = 0; i < subtasks; i++) {
			at += gaps[i];
			ends[i] = init.toNanos() + (long) (moving * at / sum);
		}
		ends[subtasks - 1] = duration.toNanos();
		return new TaskShape(init.toNanos(), ends, duration.toNanos(), -1, Duration.ZERO);
	}

	/**
	 * This shape with every subtask after the middle one ending {@code pause} later: the
	 * task stalls halfway, then resumes.
	 * @param pause how long it stalls
	 * @return the new shape
	 */
	public TaskShape pausingHalfway(Duration pause) {
		long[] ends = this.subtaskEnds.clone();
		for (int i = ends.length / 2; i < ends.length; i++) {
			ends[i] += pause.toNanos();
		}
		return new TaskShape(this.initNanos, ends, this.endNanos + pause.toNanos(), this.failAfter, this.beginSkew);
	}

	/**
	 * This shape ending in FAIL when half its subtasks have ended (at the end of the
	 * middle one).
	 * @return the new shape
	 */
	public TaskShape failingHalfway() {
		int failing = this.subtaskEnds.length / 2;
		return new TaskShape(this.initNanos, this.subtaskEnds, this.subtaskEnds[failing], failing, this.beginSkew);
	}

	/**
	 * This shape with DingTalk's {@code beginTime} off by {@code skew} (negative: it
	 * claims the task began earlier), as when DingTalk's clock differs from ours.
	 * @param skew the error
	 * @return the new shape
	 */
	public TaskShape beginTimeOff(Duration skew) {
		return new TaskShape(this.initNanos, this.subtaskEnds, this.endNanos, this.failAfter, skew);
	}

	/**
	 * When the task ends (SUCCESS or FAIL), in nanoseconds since it was created.
	 * @return the time
	 */
	public long endNanos() {
		return this.endNanos;
	}

	/**
	 * How many subtasks the task moves.
	 * @return the count, 0 for a task that reports none
	 */
	public int subtasks() {
		return this.subtaskEnds.length;
	}

	/**
	 * What DingTalk answers about the task.
	 * @param taskId the task id
	 * @param sinceCreated the time since the task was created, in nanoseconds
	 * @param created when it was created, on the wall clock
	 * @return the task's state
	 */
	public StorageTask state(String taskId, long sinceCreated, Instant created) {
		Instant begin = created.plus(this.beginSkew);
		long total = this.subtaskEnds.length;
		Instant end = created.plusNanos(this.endNanos);
		if (this.failAfter >= 0 && sinceCreated >= this.endNanos) {
			// the failing subtask counts as failed, those before it as moved
			return new StorageTask(taskId, StorageTaskStatus.FAIL, total, this.failAfter, 1, "quota exceeded", begin,
					end);
		}
		if (sinceCreated >= this.endNanos) {
			return new StorageTask(taskId, StorageTaskStatus.SUCCESS, total, total, 0, null, begin, end);
		}
		if (sinceCreated < this.initNanos) {
			return new StorageTask(taskId, StorageTaskStatus.INIT, total, 0, 0, null, begin, null);
		}
		int done = Arrays.binarySearch(this.subtaskEnds, sinceCreated);
		done = (done >= 0) ? done + 1 : -done - 1;
		return new StorageTask(taskId, StorageTaskStatus.IN_PROGRESS, total, done, 0, null, begin, null);
	}

}
