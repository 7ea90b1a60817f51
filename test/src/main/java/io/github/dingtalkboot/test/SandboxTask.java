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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * The script of one storage task of the {@link DingTalkSandbox}, shaped like DingTalk's
 * bulk moves: it waits in {@code INIT} for {@link #initFor(Duration)}, then moves its
 * {@link #subtasks(int) subtasks} (file by file, or in {@link #lumpy() lumps}) until it
 * ends {@link #endsAfter(Duration)} it was defined, and {@link #succeeds()} or
 * {@link #failsWith(String) fails}. Or a test moves it {@link #stepTo step by step}.
 * Times run on the sandbox's clock, from the moment the script is finished.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class SandboxTask {

	private static final int LUMPS = 3;

	private final Clock clock;

	private final Consumer<Script> scripts;

	private final String id;

	private @Nullable String corpId;

	private Duration initFor = Duration.ZERO;

	private long subtasks = 1;

	private boolean lumpy;

	private Duration endsAfter = Duration.ZERO;

	SandboxTask(String id, Clock clock, Consumer<Script> scripts) {
		this.clock = clock;
		this.scripts = scripts;
		this.id = Objects.requireNonNull(id, "id");
	}

	/**
	 * The corp the task belongs to: only that corp's token sees it (a task of no corp is
	 * seen by an internal app's token).
	 * @param corpId one of {@link DingTalkSandbox#CORPS}
	 * @return this script
	 */
	public SandboxTask forCorp(String corpId) {
		this.corpId = Objects.requireNonNull(corpId, "corpId");
		return this;
	}

	/**
	 * How long the task waits in {@code INIT}, queued, before it moves anything.
	 * @param initFor the time
	 * @return this script
	 */
	public SandboxTask initFor(Duration initFor) {
		this.initFor = nonNegative(initFor);
		return this;
	}

	/**
	 * How many items it moves ({@code totalCount}): DingTalk's bulk moves take at most
	 * 30, deletes 50.
	 * @param count at least 1
	 * @return this script
	 */
	public SandboxTask subtasks(int count) {
		if (count < 1) {
			throw new IllegalArgumentException("A task has at least one subtask");
		}
		this.subtasks = count;
		return this;
	}

	/**
	 * It moves its items in three lumps rather than one by one.
	 * @return this script
	 */
	public SandboxTask lumpy() {
		this.lumpy = true;
		return this;
	}

	/**
	 * When it ends, from the moment it is defined (its {@code INIT} included).
	 * @param endsAfter the time, not shorter than {@link #initFor(Duration)}
	 * @return this script
	 */
	public SandboxTask endsAfter(Duration endsAfter) {
		this.endsAfter = nonNegative(endsAfter);
		return this;
	}

	/**
	 * Finish the script: the task ends in {@code SUCCESS}, every item moved.
	 */
	public void succeeds() {
		define(null);
	}

	/**
	 * Finish the script: the task ends in {@code FAIL} with this message, a third of its
	 * items (at least one) failed.
	 * @param failMessage the task's {@code failMessage}
	 */
	public void failsWith(String failMessage) {
		define(Objects.requireNonNull(failMessage, "failMessage"));
	}

	/**
	 * Set the task's state now, until the next step: for tests that move a task
	 * themselves.
	 * @param status the state
	 * @param successCount items moved
	 * @param failCount items failed
	 */
	public void stepTo(StorageTaskStatus status, long successCount, long failCount) {
		if (successCount < 0 || failCount < 0 || successCount + failCount > this.subtasks) {
			throw new IllegalArgumentException("Counts must be within the task's " + this.subtasks + " subtasks: "
					+ successCount + " + " + failCount);
		}
		Instant now = this.clock.instant();
		this.scripts.accept(new Script(this.id, this.corpId, now, Duration.ZERO, this.subtasks, false, Duration.ZERO,
				null, new Step(status, successCount, failCount)));
	}

	private void define(@Nullable String failMessage) {
		if (this.endsAfter.compareTo(this.initFor) < 0) {
			throw new IllegalArgumentException(
					"A task cannot end (" + this.endsAfter + ") before it leaves INIT (" + this.initFor + ")");
		}
		this.scripts.accept(new Script(this.id, this.corpId, this.clock.instant(), this.initFor, this.subtasks,
				this.lumpy, this.endsAfter, failMessage, null));
	}

	private static Duration nonNegative(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("A duration is not negative: " + duration);
		}
		return duration;
	}

	/*
	 * A task fixed in one state.
	 */
	record Step(StorageTaskStatus status, long successCount, long failCount) {

	}

	/*
	 * A finished script.
	 */
	record Script(String id, @Nullable String corpId, Instant begin, Duration initFor, long subtasks, boolean lumpy,
			Duration endsAfter, @Nullable String failMessage, @Nullable Step step) {

		// The task as DingTalk would answer it now.
		Map<String, Object> stateAt(Instant now) {
			Map<String, Object> state = new LinkedHashMap<>();
			state.put("id", this.id);
			state.put("totalCount", this.subtasks);
			state.put("beginTime", this.begin.truncatedTo(ChronoUnit.SECONDS).toString());
			if (this.step != null) {
				state.put("status", this.step.status().name());
				state.put("successCount", this.step.successCount());
				state.put("failCount", this.step.failCount());
				return state;
			}
			Duration elapsed = Duration.between(this.begin, now);
			if (elapsed.compareTo(this.endsAfter) >= 0) {
				long failed = (this.failMessage != null) ? Math.max(1, this.subtasks / 3) : 0;
				state.put("status", (this.failMessage != null) ? "FAIL" : "SUCCESS");
				state.put("successCount", this.subtasks - failed);
				state.put("failCount", failed);
				state.put("endTime", this.begin.plus(this.endsAfter).truncatedTo(ChronoUnit.SECONDS).toString());
				if (this.failMessage != null) {
					state.put("failMessage", this.failMessage);
				}
				return state;
			}
			if (elapsed.compareTo(this.initFor) < 0) {
				state.put("status", "INIT");
				state.put("successCount", 0);
				state.put("failCount", 0);
				return state;
			}
			double progress = (double) elapsed.minus(this.initFor).toNanos()
					/ this.endsAfter.minus(this.initFor).toNanos();
			long done = this.lumpy ? ((long) Math.floor(progress * LUMPS) * this.subtasks) / LUMPS
					: (long) Math.floor(progress * this.subtasks);
			state.put("status", "IN_PROGRESS");
			state.put("successCount", Math.min(done, this.subtasks - 1));
			state.put("failCount", 0);
			return state;
		}

	}

}
