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

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;

/**
 * The one worker the poll schedule and the tracker keep their state on (a single thread
 * at a time, so no locks), and its clocks.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class PollLoop {

	private final Scheduler timer;

	private final Scheduler.Worker worker;

	PollLoop(Scheduler timer) {
		this.timer = timer;
		this.worker = timer.createWorker();
	}

	/**
	 * Run an action on the loop.
	 * @param action the action
	 * @return {@code false} when the loop is gone
	 */
	boolean execute(Runnable action) {
		try {
			this.worker.schedule(action);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * Run an action on the loop after a delay.
	 * @param action the action
	 * @param delayNanos the delay in nanoseconds
	 * @return what cancels it
	 */
	Disposable schedule(Runnable action, long delayNanos) {
		return this.worker.schedule(action, delayNanos, TimeUnit.NANOSECONDS);
	}

	/**
	 * The loop's clock.
	 * @return nanoseconds
	 */
	long now() {
		return this.timer.now(TimeUnit.NANOSECONDS);
	}

	/**
	 * The loop's clock as a wall-clock time, the clock DingTalk's times are on.
	 * @return the time now
	 */
	Instant wallClock() {
		return Instant.ofEpochMilli(this.timer.now(TimeUnit.MILLISECONDS));
	}

	/**
	 * The scheduler the loop runs on, for timers of its users.
	 * @return the scheduler
	 */
	Scheduler timer() {
		return this.timer;
	}

}
