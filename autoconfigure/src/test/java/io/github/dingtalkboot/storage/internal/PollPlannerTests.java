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

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the planner makes of the answers of one task: which evidence makes a prediction,
 * and which does not.
 */
class PollPlannerTests {

	private static final StorageTaskSettings SETTINGS = DefaultSettings.storage();

	private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

	private final PollPlanner planner = new PollPlanner(SETTINGS);

	private @Nullable StorageTask previous;

	@Test
	void timeInInitIsNotProgressTime() {
		// the 10 s task: INIT at 0.5 s, 5 of 1,000 at 1.05 s, 55 at 1.55 s
		answer(0.5, StorageTaskStatus.INIT, 1000, 0, NOW);
		answer(1.05, StorageTaskStatus.IN_PROGRESS, 1000, 5, NOW);
		PollPlanner.Plan plan = answer(1.55, StorageTaskStatus.IN_PROGRESS, 1000, 55, NOW);

		// 50 subtasks in 0.5 s: 945 left, about 9.5 s; from the INIT answer it would be
		// 55 in 1.05 s, about 18 s
		assertThat(plan.likely()).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
	}

	@Test
	void aTaskOfAFewSubtasksIsPolledOnTheBackOff() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 3, 0, NOW);
		PollPlanner.Plan plan = answer(2, StorageTaskStatus.IN_PROGRESS, 3, 1, NOW);

		assertThat(plan.likely()).isNull();
		assertThat(plan.promise()).isEqualTo(SETTINGS.initialPollInterval());
	}

	@Test
	void aBeginTimeAnHourOffIsNotBelieved() {
		PollPlanner.Plan plan = answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 500, NOW.minus(Duration.ofHours(1)));

		assertThat(plan.likely()).isNull();
	}

	@Test
	void aRecentBeginTimeSeedsTheFirstPrediction() {
		PollPlanner.Plan plan = answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 500, NOW.minusSeconds(20));

		// 500 of 1,000 in 20 s: the end is 20 s away, give or take 40 ms
		assertThat(plan.likely()).isEqualTo(Duration.ofSeconds(20));
		assertThat(plan.promise()).isEqualTo(SETTINGS.maxPollInterval());
	}

	@Test
	void aBeginTimeInTheFutureIsNotBelieved() {
		PollPlanner.Plan plan = answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 500, NOW.plusSeconds(30));

		assertThat(plan.likely()).isNull();
	}

	@Test
	void noPredictionReachesFurtherThanTheHorizon() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 100_000, 0, NOW);
		PollPlanner.Plan plan = answer(10, StorageTaskStatus.IN_PROGRESS, 100_000, 100, NOW);

		assertThat(plan.likely()).isEqualTo(PollPlanner.HORIZON);
	}

	@Test
	void countsThatGoBackwardsStartTheMeasurementAgain() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 0, null);
		answer(10, StorageTaskStatus.IN_PROGRESS, 1000, 500, null);
		PollPlanner.Plan plan = answer(11, StorageTaskStatus.IN_PROGRESS, 1000, 400, null);

		assertThat(plan.likely()).isNull();
	}

	@Test
	void aTaskThatResumesAfterAStallIsPredictedFromItsRecentRate() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 0, NOW);
		answer(10, StorageTaskStatus.IN_PROGRESS, 1000, 500, NOW);
		answer(40, StorageTaskStatus.IN_PROGRESS, 1000, 500, NOW);
		PollPlanner.Plan plan = answer(45, StorageTaskStatus.IN_PROGRESS, 1000, 750, NOW);

		// 250 in the last 5 s: 5 s to go; since the start (750 in 45 s) it would be 15 s
		assertThat(plan.likely()).isLessThanOrEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void aTaskThatSlowedDownIsPredictedFromTheFastestRateSeen() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 0, null);
		answer(10, StorageTaskStatus.IN_PROGRESS, 1000, 500, null);
		PollPlanner.Plan plan = answer(40, StorageTaskStatus.IN_PROGRESS, 1000, 510, null);

		// 500 in 10 s, then 10 in 30 s: at the first rate the rest takes 10 s, on
		// average 38 s, at the last rate long beyond the horizon
		assertThat(plan.likely()).isLessThanOrEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aFailedPollBacksOffAndSpendsNoSpareSlot() {
		answer(0, StorageTaskStatus.IN_PROGRESS, 1000, 0, NOW);

		PollPlanner.Plan plan = this.planner.afterFailure();

		assertThat(plan.likely()).isNull();
		assertThat(plan.spare()).isFalse();
		assertThat(plan.promise()).isGreaterThan(SETTINGS.initialPollInterval());
	}

	private PollPlanner.Plan answer(double atSeconds, StorageTaskStatus status, long total, long done,
			@Nullable Instant begin) {
		long nanos = (long) (atSeconds * 1e9);
		StorageTask task = new StorageTask("t", status, total, done, 0, null, begin, null);
		PollPlanner.Plan plan = this.planner.next(this.previous, task, nanos, NOW.plusNanos(nanos));
		this.previous = task;
		return plan;
	}

}
