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

package io.github.dingtalkboot.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The sandbox's scripted tasks are what they say, read through the starter on a clock the
 * test moves: INIT for its time, its subtask count, its end.
 */
class SandboxTaskShapesTests {

	private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

	private final MovableClock clock = new MovableClock(START);

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DingTalkSandboxAutoConfiguration.class,
				WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
		.withBean(DingTalkSandbox.class, () -> DingTalkSandbox.start(this.clock))
		.withPropertyValues("dingtalk.storage.union-id=operator", "dingtalk.retry.initial-backoff=5ms");

	private void run(Consumer<Fixture> test) {
		this.runner.run((context) -> test
			.accept(new Fixture(context.getBean(DingTalkSandbox.class), context.getBean(StorageTaskOperations.class))));
	}

	private StorageTask at(Fixture fixture, Duration elapsed) {
		this.clock.advance(Duration.between(this.clock.instant(), START.plus(elapsed)));
		return fixture.tasks().getTask("t1").block(Duration.ofSeconds(30));
	}

	/** 2 s in INIT, 30 items, ended 20 s after it was defined. */
	private static void bulkMoveOf30(DingTalkSandbox sandbox) {
		sandbox.task("t1").initFor(Duration.ofSeconds(2)).subtasks(30).endsAfter(Duration.ofSeconds(20)).succeeds();
	}

	@Test
	void aTaskWaitsInInitForItsTimeThenMoves() {
		run((fixture) -> {
			bulkMoveOf30(fixture.sandbox());

			assertThat(at(fixture, Duration.ofMillis(1999)).status()).isEqualTo(StorageTaskStatus.INIT);
			StorageTask moving = at(fixture, Duration.ofSeconds(2));
			assertThat(moving.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
			assertThat(moving.successCount()).isZero();
		});
	}

	@Test
	void aTaskHasItsSubtaskCountAndEndsWhenScriptedWithAllMoved() {
		run((fixture) -> {
			bulkMoveOf30(fixture.sandbox());

			StorageTask almost = at(fixture, Duration.ofMillis(19_999));
			StorageTask ended = at(fixture, Duration.ofSeconds(20));

			assertThat(almost.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
			assertThat(almost.totalCount()).isEqualTo(30);
			assertThat(almost.successCount()).isBetween(28L, 29L);
			assertThat(ended.status()).isEqualTo(StorageTaskStatus.SUCCESS);
			assertThat(ended.successCount()).isEqualTo(30);
			assertThat(ended.endTime()).isEqualTo(START.plusSeconds(20));
		});
	}

	@Test
	void aLumpyTaskMovesInThirds() {
		run((fixture) -> {
			fixture.sandbox().task("t1").subtasks(30).lumpy().endsAfter(Duration.ofSeconds(30)).succeeds();

			List<Long> seen = new ArrayList<>();
			for (int second = 0; second < 30; second++) {
				seen.add(at(fixture, Duration.ofSeconds(second)).successCount());
			}

			assertThat(seen).containsOnly(0L, 10L, 20L).contains(0L, 10L, 20L).isSorted();
		});
	}

	@Test
	void aFailingTaskEndsInFailWithItsMessageAndAThirdFailed() {
		run((fixture) -> {
			fixture.sandbox().task("t1").subtasks(30).endsAfter(Duration.ofSeconds(5)).failsWith("files are locked");

			StorageTask failed = at(fixture, Duration.ofSeconds(5));

			assertThat(failed.status()).isEqualTo(StorageTaskStatus.FAIL);
			assertThat(failed.failMessage()).isEqualTo("files are locked");
			assertThat(failed.failCount()).isEqualTo(10);
			assertThat(failed.successCount()).isEqualTo(20);
		});
	}

	@Test
	void aTestMayMoveATaskStepByStep() {
		run((fixture) -> {
			fixture.sandbox().task("t1").subtasks(10).stepTo(StorageTaskStatus.IN_PROGRESS, 3, 1);
			StorageTask third = at(fixture, Duration.ofHours(1));
			fixture.sandbox().task("t1").subtasks(10).stepTo(StorageTaskStatus.SUCCESS, 9, 1);

			assertThat(third.status()).isEqualTo(StorageTaskStatus.IN_PROGRESS);
			assertThat(third.successCount()).isEqualTo(3);
			assertThat(at(fixture, Duration.ofHours(1)).status()).isEqualTo(StorageTaskStatus.SUCCESS);
		});
	}

	@Test
	void anUnscriptedTaskIsNotFound() {
		run((fixture) -> assertThatExceptionOfType(StorageTaskNotFoundException.class)
			.isThrownBy(() -> fixture.tasks().getTask("nobody-made-me").block(Duration.ofSeconds(30))));
	}

	@Test
	void aScriptThatEndsBeforeItLeavesInitIsRefused() {
		run((fixture) -> assertThatIllegalArgumentException().isThrownBy(() -> fixture.sandbox()
			.task("t1")
			.initFor(Duration.ofSeconds(5))
			.endsAfter(Duration.ofSeconds(1))
			.succeeds()));
	}

	private record Fixture(DingTalkSandbox sandbox, StorageTaskOperations tasks) {

	}

}
