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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.Cancellations;
import io.github.dingtalkboot.storage.StorageTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.util.concurrent.Queues;
import reactor.util.context.ContextView;

/**
 * The one poll schedule of the application's storage tasks: every watch and every tracked
 * task is an entry, polled once for all who follow it (two watches of one task, or a
 * watch of a tracked task, cost no extra polls).
 * <p>
 * What it guarantees: while the followed tasks need no more polls than the rate allows,
 * no task waits longer than its promise ({@link PollPlanner}: the back-off, at most
 * {@code max-interval}); no task is polled more often than once per
 * {@code initial-interval}; the application's own calls wait behind at most one
 * background poll; the rate limit holds. What it only tries: to poll each task when its
 * progress predicts it has ended. When the rate is short, predicted ends go first; when
 * it has room, spare slots poll every task in turn, the one polled longest ago first.
 * <p>
 * All state lives on one worker (a single thread at a time, no locks). The schedule holds
 * at most one rate-limiter reservation at a time and picks the entry to poll when the
 * slot is granted, so after a stall overdue polls go out one slot apart instead of in a
 * burst.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class PollSchedule {

	private static final Log logger = LogFactory.getLog(PollSchedule.class);

	private static final long LIMITER_RETRY = TimeUnit.SECONDS.toNanos(1);

	/**
	 * While both are due, how many first polls (of tasks never seen) go out per poll of a
	 * task seen before. A first poll may find a task that already ended, a later one
	 * mostly confirms a predicted end. In virtual time (PollScheduleDetectionTests),
	 * 1,000 linear tasks were seen ended after 1.61 / 16.3 s (median / p99) at three to
	 * one, 1.38 / 14.8 s at four, 1.41 / 14.3 s at five, 1.72 / 15.1 s at six; 1,000
	 * tasks that wait in INIT first after 3.11, 3.59, 4.02 and 4.10 s at the median, 32.9
	 * to 34.3 s at p99; 200 bulk moves of 1 to 50 subtasks after 9.50, 9.35, 9.05 and
	 * 9.13 s at p99. Neither kind can starve the other.
	 */
	static final int UNSEEN_PER_KNOWN = 4;

	private final TaskSource source;

	private final @Nullable DingTalkRateLimiter limiter;

	private final StorageTaskSettings settings;

	private final Scheduler timer;

	private final Scheduler.Worker loop;

	// read and written on the loop only

	private final Map<TaskKey, Entry> entries = new HashMap<>();

	/** The corps that have entries, and when each was last given a slot. */
	private final Map<String, CorpTurn> corps = new HashMap<>();

	private boolean acquiring;

	/** Set by the closing signal, read by new watches on any thread. */
	private volatile boolean closed;

	private boolean preferUnseen;

	/** Slots given so far: when a corp was last given one, in that count. */
	private long slotsGiven;

	private int unseenStreak;

	private @Nullable Disposable reservation;

	private @Nullable Disposable wake;

	private long wakeAt;

	/**
	 * Create a schedule.
	 * @param source polls one task
	 * @param limiter paces the polls, or {@code null} for none
	 * @param settings the default operator and the back-off of a task without progress
	 * @param timer the scheduler of the loop and its timers
	 */
	public PollSchedule(TaskSource source, @Nullable DingTalkRateLimiter limiter, StorageTaskSettings settings,
			Scheduler timer) {
		this(source, limiter, settings, timer, Mono.never());
	}

	/**
	 * Create a schedule that ends when its client closes.
	 * @param source polls one task
	 * @param limiter paces the polls, or {@code null} for none
	 * @param settings the default operator and the back-off of a task without progress
	 * @param timer the scheduler of the loop and its timers
	 * @param closing fails when the client closes: every watch then ends with a
	 * {@link DingTalkClientClosedException}, and later ones fail at once
	 */
	public PollSchedule(TaskSource source, @Nullable DingTalkRateLimiter limiter, StorageTaskSettings settings,
			Scheduler timer, Mono<Void> closing) {
		this.source = source;
		this.limiter = limiter;
		this.settings = settings;
		this.timer = timer;
		this.loop = timer.createWorker();
		closing.subscribe(null, (ex) -> {
			this.closed = true;
			execute(this::close);
		});
	}

	StorageTaskSettings settings() {
		return this.settings;
	}

	Scheduler timer() {
		return this.timer;
	}

	/**
	 * The states of a task: the latest one already known (if the task is followed
	 * already) or the first poll's answer, then each change of progress, completing after
	 * a terminal state and failing with the exception of a failed poll.
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(String taskId, String unionId) {
		return watch(null, taskId, unionId, () -> {
		});
	}

	/**
	 * The states of a task, as {@link #watch(String, String)}, told of every answer.
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @param onAnswer run on the loop for every answer the watch gets, changed or not
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(String taskId, String unionId, Runnable onAnswer) {
		return watch(null, taskId, unionId, onAnswer);
	}

	/**
	 * The states of a task of a corp, as {@link #watch(String, String)}, told of every
	 * answer.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 * @param unionId the operator, if the task is not followed yet
	 * @param onAnswer run on the loop for every answer the watch gets, changed or not
	 * @return the states; cancelling stops polling unless others follow the task
	 */
	Flux<StorageTask> watch(@Nullable String corpId, String taskId, String unionId, Runnable onAnswer) {
		TaskKey key = new TaskKey(corpId, taskId);
		return Flux.deferContextual((context) -> {
			if (this.closed) {
				return Flux.error(closedBefore());
			}
			// a small queue: a watch holds one between polls, and a default one is 1 KB
			// unsafe (not serialized): only the loop emits
			Watcher watcher = new Watcher(key,
					Sinks.unsafe().many().unicast().onBackpressureBuffer(Queues.<StorageTask>unbounded(8).get()),
					context, onAnswer);
			if (!execute(() -> attach(key, unionId, watcher))) {
				return Flux.error(closedBefore());
			}
			return watcher.sink().asFlux().doFinally(watcher);
		});
	}

	/**
	 * Follow a task until {@link #unfollow}, whatever its polls answer. Call on the loop.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 * @param unionId the operator
	 * @param follower told of every poll's answer or failure, on the loop
	 */
	void follow(@Nullable String corpId, String taskId, String unionId, Follower follower) {
		if (this.closed) {
			return;
		}
		Entry entry = entry(new TaskKey(corpId, taskId), unionId);
		entry.follower = follower;
		pump();
	}

	/**
	 * Stop following a task; its watches go on. Call on the loop.
	 * @param corpId the corp the task is polled for, or {@code null} for none
	 * @param taskId the task id
	 */
	void unfollow(@Nullable String corpId, String taskId) {
		Entry entry = this.entries.get(new TaskKey(corpId, taskId));
		if (entry != null) {
			entry.follower = null;
			removeIfUnused(entry);
		}
	}

	/**
	 * Run an action on the loop.
	 * @param action the action
	 * @return {@code false} when the loop is gone
	 */
	boolean execute(Runnable action) {
		try {
			this.loop.schedule(action);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	/**
	 * The loop's clock.
	 * @return nanoseconds
	 */
	long now() {
		return this.timer.now(TimeUnit.NANOSECONDS);
	}

	private Entry entry(TaskKey key, String unionId) {
		Entry entry = this.entries.get(key);
		if (entry == null) {
			entry = new Entry(key, unionId, now());
			this.entries.put(key, entry);
			this.corps.computeIfAbsent(key.corp(), (corp) -> new CorpTurn()).entries++;
		}
		return entry;
	}

	private void remove(Entry entry) {
		if (this.entries.remove(entry.key, entry)) {
			CorpTurn turn = this.corps.get(entry.key.corp());
			if (turn != null && --turn.entries == 0) {
				this.corps.remove(entry.key.corp());
			}
		}
	}

	private void attach(TaskKey key, String unionId, Watcher watcher) {
		if (this.closed) {
			watcher.sink().tryEmitError(closedBefore());
			return;
		}
		Entry entry = entry(key, unionId);
		entry.watchers.add(watcher);
		if (entry.last != null) {
			watcher.offer(entry.last);
		}
		pump();
	}

	private void detach(TaskKey key, Watcher watcher) {
		Entry entry = this.entries.get(key);
		if (entry != null && entry.watchers.remove(watcher)) {
			removeIfUnused(entry);
		}
	}

	private void close() {
		List<Entry> ended = List.copyOf(this.entries.values());
		this.entries.clear();
		this.corps.clear();
		Cancellations.dispose(this.wake);
		Cancellations.dispose(this.reservation);
		for (Entry entry : ended) {
			for (Watcher watcher : entry.watchers) {
				watcher.sink()
					.tryEmitError(new DingTalkClientClosedException(
							"The DingTalk client was closed while this watch was running"));
			}
			entry.watchers.clear();
			Follower follower = entry.follower;
			if (follower != null) {
				follower.failed(new DingTalkClientClosedException("The DingTalk client was closed"));
			}
		}
		// last: the client's own shutdown may have released the connections already
		ended.forEach((entry) -> Cancellations.dispose(entry.poll));
	}

	private void removeIfUnused(Entry entry) {
		if (entry.watchers.isEmpty() && entry.follower == null && this.entries.get(entry.key) == entry) {
			remove(entry);
			Cancellations.dispose(entry.poll);
		}
	}

	private void pump() {
		if (this.acquiring) {
			return;
		}
		long now = now();
		Entry next = pick(now);
		if (next == null) {
			long at = nextPick();
			if (at != Long.MAX_VALUE) {
				wakeAt(at, Math.max(0, at - now));
			}
			return;
		}
		DingTalkRateLimiter limiter = this.limiter;
		if (limiter == null) {
			send(next, null);
			pump();
			return;
		}
		this.acquiring = true;
		this.reservation = limiter.acquire().subscribe(null, (ex) -> execute(() -> {
			logger.debug("The rate limiter failed: " + ex);
			this.acquiring = false;
			this.reservation = null;
			wakeAt(now() + LIMITER_RETRY, LIMITER_RETRY);
		}), () -> execute(() -> slotGranted(limiter)));
	}

	private void slotGranted(DingTalkRateLimiter limiter) {
		this.acquiring = false;
		this.reservation = null;
		Entry next = pick(now());
		if (next != null) {
			send(next, limiter);
		}
		pump();
	}

	/*
	 * The entry to poll now, if any. The corps take turns: of the corps with an entry to
	 * poll, the one given a slot longest ago goes first, so a corp with thousands of
	 * tasks does not push another corp's few to the back (DingTalk's rate limit is the
	 * app's, shared by its corps). Within a corp, in this order: first polls of unseen
	 * tasks, taking turns ({@link #UNSEEN_PER_KNOWN} to one) with known tasks whose
	 * predicted end has come or, when none has, whose back-off has run out (the most
	 * overdue first); then predicted tasks whose promise ({@code max-interval}) has run
	 * out, the most overdue first; then, when a limiter paces the polls, spare polls of
	 * tasks last polled at least {@code initial-interval} ago, the one polled longest ago
	 * first: predicted ends have their own turn above, and any task may fail at any time.
	 * A predicted task waits at most until its predicted end, so none starves.
	 */
	private @Nullable Entry pick(long now) {
		if (this.corps.size() <= 1) {
			Candidates candidates = new Candidates();
			for (Entry entry : this.entries.values()) {
				candidates.consider(entry, now);
			}
			return candidates.choice();
		}
		Map<String, Candidates> byCorp = new HashMap<>();
		for (Entry entry : this.entries.values()) {
			byCorp.computeIfAbsent(entry.key.corp(), (corp) -> new Candidates()).consider(entry, now);
		}
		Entry next = null;
		long nextServedAt = Long.MAX_VALUE;
		for (Map.Entry<String, Candidates> corp : byCorp.entrySet()) {
			Entry choice = corp.getValue().choice();
			CorpTurn turn = this.corps.get(corp.getKey());
			long servedAt = (turn != null) ? turn.servedAt : Long.MIN_VALUE;
			if (choice != null && (next == null || servedAt < nextServedAt)) {
				next = choice;
				nextServedAt = servedAt;
			}
		}
		return next;
	}

	private static Entry earlierPromise(@Nullable Entry best, Entry entry) {
		return (best == null || entry.promiseAt < best.promiseAt) ? entry : best;
	}

	/**
	 * When the next entry can be picked.
	 * @return the time, or {@link Long#MAX_VALUE} for never
	 */
	private long nextPick() {
		long next = Long.MAX_VALUE;
		for (Entry entry : this.entries.values()) {
			if (entry.poll == null) {
				long at = Math.min(entry.likelyAt, entry.promiseAt);
				next = Math.min(next, (this.limiter != null) ? Math.min(at, entry.spareAt) : at);
			}
		}
		return next;
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
		}, wait, TimeUnit.NANOSECONDS);
	}

	private void send(Entry entry, @Nullable DingTalkRateLimiter limiter) {
		if (entry.last != null) {
			this.preferUnseen = true;
			this.unseenStreak = 0;
		}
		else if (++this.unseenStreak >= UNSEEN_PER_KNOWN) {
			this.preferUnseen = false;
		}
		CorpTurn turn = this.corps.get(entry.key.corp());
		if (turn != null) {
			turn.servedAt = ++this.slotsGiven;
		}
		DingTalkRateLimiter paced = (limiter != null) ? new PrepaidSlot(limiter) : null;
		Mono<StorageTask> poll = this.source.poll(entry.key.corpId(), entry.key.taskId(), entry.unionId, paced);
		if (!entry.watchers.isEmpty()) {
			// the poll is observed as a child of the (first) watch's observation
			poll = poll.contextWrite(entry.watchers.get(0).context());
		}
		// an answer is handled on the loop, so after subscribe has returned
		entry.poll = poll.subscribe((answer) -> execute(() -> answered(entry, answer)),
				(ex) -> execute(() -> failed(entry, ex)));
	}

	private void answered(Entry entry, StorageTask answer) {
		if (this.entries.get(entry.key) != entry) {
			return;
		}
		entry.poll = null;
		StorageTask previous = entry.last;
		entry.last = answer;
		for (Watcher watcher : entry.watchers) {
			watcher.offer(answer);
		}
		if (answer.isTerminal()) {
			List<Watcher> watchers = new ArrayList<>(entry.watchers);
			entry.watchers.clear();
			watchers.forEach((watcher) -> watcher.sink().tryEmitComplete());
			remove(entry);
		}
		else {
			entry.plan(entry.planner.next(previous, answer, now(), wallClock()), now());
		}
		Follower follower = entry.follower;
		if (follower != null) {
			follower.answered(answer);
		}
		pump();
	}

	private void failed(Entry entry, Throwable ex) {
		if (this.entries.get(entry.key) != entry) {
			return;
		}
		entry.poll = null;
		List<Watcher> watchers = new ArrayList<>(entry.watchers);
		entry.watchers.clear();
		watchers.forEach((watcher) -> watcher.sink().tryEmitError(ex));
		Follower follower = entry.follower;
		if (follower == null || ex instanceof DingTalkClientClosedException) {
			// nothing polls a task for a closed client: it would fail again and again
			remove(entry);
		}
		else {
			entry.plan(entry.planner.afterFailure(), now());
		}
		if (follower != null) {
			follower.failed(ex);
		}
		pump();
	}

	/**
	 * The loop's clock as a wall-clock time, the clock DingTalk's times are on.
	 * @return the time now
	 */
	Instant wallClock() {
		return Instant.ofEpochMilli(this.timer.now(TimeUnit.MILLISECONDS));
	}

	private static DingTalkClientClosedException closedBefore() {
		return new DingTalkClientClosedException("The DingTalk client is closed; nothing was sent", null, 0);
	}

	/**
	 * Whether two states of a task are the same progress: status and counts.
	 * @param previous the earlier state
	 * @param next the later state
	 * @return {@code true} when nothing changed
	 */
	static boolean sameProgress(StorageTask previous, StorageTask next) {
		return previous.status() == next.status() && Objects.equals(previous.rawStatus(), next.rawStatus())
				&& previous.totalCount() == next.totalCount() && previous.successCount() == next.successCount()
				&& previous.failCount() == next.failCount();
	}

	/**
	 * The entries of one corp that may be polled now, the best of each kind.
	 */
	private final class Candidates {

		private @Nullable Entry unseen;

		private @Nullable Entry likely;

		private @Nullable Entry backedOff;

		private @Nullable Entry covered;

		private @Nullable Entry spare;

		void consider(Entry entry, long now) {
			if (entry.poll != null) {
				return;
			}
			if (entry.last == null) {
				// due from the moment it was added
				if (this.unseen == null || entry.likelyAt < this.unseen.likelyAt) {
					this.unseen = entry;
				}
			}
			else if (entry.predicted && entry.likelyAt <= now) {
				if (this.likely == null || entry.likelyAt < this.likely.likelyAt) {
					this.likely = entry;
				}
			}
			else if (entry.promiseAt <= now && !entry.predicted) {
				this.backedOff = earlierPromise(this.backedOff, entry);
			}
			else if (entry.promiseAt <= now) {
				this.covered = earlierPromise(this.covered, entry);
			}
			else if (PollSchedule.this.limiter != null && entry.spareAt <= now
					&& (this.spare == null || entry.answeredAt < this.spare.answeredAt)) {
				this.spare = entry;
			}
		}

		@Nullable Entry choice() {
			// a task polled on its back-off shares the slots with first polls, as a
			// predicted end does; a predicted task polled before its end to keep the
			// promise does not
			Entry likely = this.likely;
			Entry backedOff = this.backedOff;
			Entry known = (likely == null || (backedOff != null && backedOff.promiseAt < likely.likelyAt)) ? backedOff
					: likely;
			Entry unseen = this.unseen;
			if (unseen != null && known != null) {
				return PollSchedule.this.preferUnseen ? unseen : known;
			}
			if (unseen != null || known != null) {
				return (unseen != null) ? unseen : known;
			}
			return (this.covered != null) ? this.covered : this.spare;
		}

	}

	/**
	 * Told of each poll of a followed task, on the loop.
	 */
	interface Follower {

		void answered(StorageTask task);

		void failed(Throwable ex);

	}

	/**
	 * One watch of a task: its sink, its subscriber's context (for the polls' parent
	 * observation) and the last state it emitted. Filtering unchanged answers here, and
	 * detaching itself when it ends, costs a watch less than two operators and a lambda.
	 */
	private final class Watcher implements Consumer<SignalType> {

		private final TaskKey key;

		private final Sinks.Many<StorageTask> sink;

		private final ContextView context;

		private final Runnable onAnswer;

		// read and written on the loop only
		private @Nullable StorageTask last;

		Watcher(TaskKey key, Sinks.Many<StorageTask> sink, ContextView context, Runnable onAnswer) {
			this.key = key;
			this.sink = sink;
			this.context = context;
			this.onAnswer = onAnswer;
		}

		Sinks.Many<StorageTask> sink() {
			return this.sink;
		}

		ContextView context() {
			return this.context;
		}

		void offer(StorageTask answer) {
			this.onAnswer.run();
			StorageTask last = this.last;
			if (last == null || !sameProgress(last, answer)) {
				this.last = answer;
				this.sink.tryEmitNext(answer);
			}
		}

		@Override
		public void accept(SignalType signal) {
			execute(() -> detach(this.key, this));
		}

	}

	/**
	 * One followed task and where its polling stands.
	 */
	private final class Entry {

		private final TaskKey key;

		private final String unionId;

		private final PollPlanner planner;

		private final List<Watcher> watchers = new ArrayList<>(1);

		private @Nullable Follower follower;

		private long answeredAt;

		/** Whether {@link #likelyAt} is a prediction from progress. */
		private boolean predicted;

		/**
		 * When the task has most likely ended: its predicted end, else its promise; for a
		 * task never seen, when it was added.
		 */
		private long likelyAt;

		private long promiseAt;

		private long spareAt;

		private @Nullable Disposable poll;

		private @Nullable StorageTask last;

		Entry(TaskKey key, String unionId, long addedAt) {
			this.key = key;
			this.unionId = unionId;
			this.planner = new PollPlanner(PollSchedule.this.settings);
			this.answeredAt = addedAt;
			this.likelyAt = addedAt;
			this.promiseAt = addedAt;
			this.spareAt = addedAt;
		}

		void plan(PollPlanner.Plan plan, long now) {
			Duration likely = plan.likely();
			this.answeredAt = now;
			this.predicted = likely != null;
			this.promiseAt = now + plan.promise().toNanos();
			this.likelyAt = (likely != null) ? now + likely.toNanos() : this.promiseAt;
			this.spareAt = plan.spare() ? now + PollSchedule.this.settings.initialPollInterval().toNanos()
					: Long.MAX_VALUE;
		}

	}

	/**
	 * A followed task: its id and the corp it is polled for.
	 *
	 * @param corpId the corp, or {@code null} for none (an internal app, or a third-party
	 * app's default corp)
	 * @param taskId the task id
	 */
	private record TaskKey(@Nullable String corpId, String taskId) {

		/*
		 * The corp's turn key: the corp id, or the empty string (no corp id is empty).
		 */
		String corp() {
			return (this.corpId != null) ? this.corpId : "";
		}

	}

	/**
	 * A corp's entries and when it was last given a slot (in slots given).
	 */
	private static final class CorpTurn {

		private int entries;

		private long servedAt = Long.MIN_VALUE;

	}

	/**
	 * The slot the loop reserved for a poll: the poll's first request uses it, a retry
	 * waits for a slot of its own.
	 */
	private static final class PrepaidSlot implements DingTalkRateLimiter {

		private final DingTalkRateLimiter limiter;

		private final AtomicBoolean used = new AtomicBoolean();

		PrepaidSlot(DingTalkRateLimiter limiter) {
			this.limiter = limiter;
		}

		@Override
		public Mono<Void> acquire() {
			return Mono.defer(() -> this.used.compareAndSet(false, true) ? Mono.empty() : this.limiter.acquire());
		}

		@Override
		public void onSuccess() {
			this.limiter.onSuccess();
		}

		@Override
		public void onThrottled() {
			this.limiter.onThrottled();
		}

		@Override
		public double currentRate() {
			return this.limiter.currentRate();
		}

	}

}
