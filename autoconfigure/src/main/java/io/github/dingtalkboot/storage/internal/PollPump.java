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

import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.Cancellations;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;

/**
 * Sends the schedule's polls one slot at a time: it holds at most one rate-limiter
 * reservation and picks the task to poll when the slot is granted, so after a stall
 * overdue polls go out one slot apart instead of in a burst; when nothing is due, it
 * wakes when the next task is. Used on the schedule's loop only.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class PollPump {

	private static final Log logger = LogFactory.getLog(PollPump.class);

	private static final long LIMITER_RETRY = TimeUnit.SECONDS.toNanos(1);

	private final DueTasks due;

	private final @Nullable DingTalkRateLimiter limiter;

	private final PollLoop loop;

	private final BiConsumer<PolledTask, @Nullable DingTalkRateLimiter> poll;

	private boolean acquiring;

	private @Nullable Disposable reservation;

	private @Nullable Disposable wake;

	private long wakeAt;

	/**
	 * Create a pump.
	 * @param due the tasks and which to poll next
	 * @param limiter paces the polls, or {@code null} for none
	 * @param loop the schedule's loop
	 * @param poll polls a task, with the limiter whose slot it has (or {@code null})
	 */
	PollPump(DueTasks due, @Nullable DingTalkRateLimiter limiter, PollLoop loop,
			BiConsumer<PolledTask, @Nullable DingTalkRateLimiter> poll) {
		this.due = due;
		this.limiter = limiter;
		this.loop = loop;
		this.poll = poll;
	}

	/**
	 * Poll what is due, or wait for it: call whenever a task was added or answered.
	 */
	void pump() {
		if (this.acquiring) {
			return;
		}
		long now = this.loop.now();
		PolledTask next = this.due.pick(now);
		if (next == null) {
			long at = this.due.nextPick();
			if (at != Long.MAX_VALUE) {
				wakeAt(at, Math.max(0, at - now));
			}
			return;
		}
		DingTalkRateLimiter limiter = this.limiter;
		if (limiter == null) {
			this.poll.accept(next, null);
			pump();
			return;
		}
		this.acquiring = true;
		this.reservation = limiter.acquire().subscribe(null, (ex) -> this.loop.execute(() -> {
			logger.debug("The rate limiter failed: " + ex);
			this.acquiring = false;
			this.reservation = null;
			wakeAt(this.loop.now() + LIMITER_RETRY, LIMITER_RETRY);
		}), () -> this.loop.execute(() -> slotGranted(limiter)));
	}

	/**
	 * Stop waking and give up the reservation: the schedule closes.
	 */
	void stop() {
		Cancellations.dispose(this.wake);
		Cancellations.dispose(this.reservation);
	}

	private void slotGranted(DingTalkRateLimiter limiter) {
		this.acquiring = false;
		this.reservation = null;
		PolledTask next = this.due.pick(this.loop.now());
		if (next != null) {
			this.poll.accept(next, limiter);
		}
		pump();
	}

	private void wakeAt(long at, long wait) {
		Disposable current = this.wake;
		if (current != null && !current.isDisposed() && this.wakeAt <= at) {
			return;
		}
		Cancellations.dispose(current);
		this.wakeAt = at;
		this.wake = this.loop.schedule(() -> {
			this.wake = null;
			pump();
		}, wait);
	}

}
