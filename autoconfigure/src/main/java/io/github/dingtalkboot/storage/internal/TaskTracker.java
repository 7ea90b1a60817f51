package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * The {@link StorageTaskTracker} the starter provides: one poll schedule for every task
 * this instance holds.
 * <p>
 * All state lives on one worker (a single thread at a time, no locks). The loop holds at
 * most one rate-limiter reservation at a time and picks the task to poll when the slot is
 * granted (the most overdue one), so a call the application makes itself waits behind at
 * most one background poll, and after a stall overdue polls go out one slot apart. Each
 * task is polled around the end its progress predicts ({@link PollPlanner}).
 */
public final class TaskTracker implements StorageTaskTracker {

	static final String COMPLETED = "completed";

	static final String TRACKING_FAILED = "tracking-failed";

	static final String DELIVERED = "delivered";

	static final String REDELIVERED = "redelivered";

	static final String DROPPED = "dropped";

	private static final long RETRY_LIMITER = TimeUnit.SECONDS.toNanos(1);

	private static final Log logger = LogFactory.getLog(TaskTracker.class);

	private final TaskSource source;

	private final TrackedTaskStore store;

	private final @Nullable DingTalkRateLimiter limiter;

	private final StorageTaskSettings pollSettings;

	private final TrackerSettings settings;

	private final Consumer<Object> publisher;

	private final TrackerMetrics metrics;

	private final Scheduler timer;

	private final Scheduler delivery;

	private final Scheduler.Worker loop;

	/** What this instance holds, for readers on other threads. */
	private final Map<String, TrackedTask> held = new ConcurrentHashMap<>();

	// the fields below are read and written on the loop only

	private final Map<String, Entry> entries = new HashMap<>();

	private boolean started;

	private boolean stopped;

	private boolean acquiring;

	private @Nullable Disposable reservation;

	private @Nullable Disposable wake;

	private long wakeAt;

	private @Nullable Disposable claims;

	/**
	 * Create a tracker on Reactor's parallel scheduler, delivering events on the bounded
	 * elastic one.
	 * @param source polls one task
	 * @param store where tracked tasks are kept
	 * @param limiter paces the polls, or {@code null} for none
	 * @param pollSettings the default operator and the back-off without progress
	 * @param settings the tracker's settings
	 * @param publisher publishes an event to the application's listeners, throwing what a
	 * listener throws
	 * @param metrics where polls and events are counted
	 */
	public TaskTracker(TaskSource source, TrackedTaskStore store, @Nullable DingTalkRateLimiter limiter,
			StorageTaskSettings pollSettings, TrackerSettings settings, Consumer<Object> publisher,
			TrackerMetrics metrics) {
		this(source, store, limiter, pollSettings, settings, publisher, metrics, Schedulers.parallel(),
				Schedulers.boundedElastic());
	}

	TaskTracker(TaskSource source, TrackedTaskStore store, @Nullable DingTalkRateLimiter limiter,
			StorageTaskSettings pollSettings, TrackerSettings settings, Consumer<Object> publisher,
			TrackerMetrics metrics, Scheduler timer, Scheduler delivery) {
		this.source = source;
		this.store = store;
		this.limiter = limiter;
		this.pollSettings = pollSettings;
		this.settings = settings;
		this.publisher = publisher;
		this.metrics = metrics;
		this.timer = timer;
		this.delivery = delivery;
		this.loop = timer.createWorker();
	}

	@Override
	public Mono<Void> track(String taskId) {
		String unionId = this.pollSettings.defaultUnionId();
		return (unionId != null) ? track(taskId, unionId, Map.of()) : Mono.error(new IllegalStateException(
				"track(taskId) needs an operator: pass the unionId or configure a default one"));
	}

	@Override
	public Mono<Void> track(String taskId, String unionId, Map<String, String> attributes) {
		if (taskId == null || taskId.isBlank()) {
			return Mono.error(new IllegalArgumentException("taskId must not be null or blank"));
		}
		if (unionId == null || unionId.isBlank()) {
			return Mono.error(new IllegalArgumentException("unionId must not be null or blank"));
		}
		if (attributes == null) {
			return Mono.error(new IllegalArgumentException("attributes must not be null"));
		}
		return Mono.defer(() -> {
			if (this.held.containsKey(taskId)) {
				return Mono.empty();
			}
			TrackedTask task = new TrackedTask(taskId, unionId, attributes, wallClock(), null);
			return this.store.add(task)
				.map((added) -> added ? Saved.YES : Saved.ALREADY_TRACKED)
				.onErrorResume((ex) -> {
					logger.debug("Keeping tracked task " + taskId + " in memory until the store answers: " + ex);
					return Mono.just(Saved.NO);
				})
				.doOnNext((saved) -> {
					if (saved != Saved.ALREADY_TRACKED) {
						onLoop(() -> adopt(task, saved == Saved.NO));
					}
				})
				.then();
		});
	}

	@Override
	public Mono<Boolean> untrack(String taskId) {
		return this.store.remove(taskId).onErrorResume((ex) -> Mono.just(false)).map((removed) -> {
			boolean held = this.held.remove(taskId) != null;
			onLoop(() -> drop(taskId));
			return removed || held;
		});
	}

	@Override
	public Flux<TrackedTask> trackedTasks() {
		return this.store.list().onErrorResume((ex) -> Flux.fromIterable(this.held.values()));
	}

	/**
	 * How many tasks this instance follows now.
	 * @return the number of tasks
	 */
	public int heldTasks() {
		return this.held.size();
	}

	/**
	 * Start polling, and claiming tasks from the store every third of the lease.
	 */
	public void start() {
		onLoop(() -> {
			if (this.started || this.stopped) {
				return;
			}
			this.started = true;
			long period = this.settings.lease().toNanos() / 3;
			this.claims = this.loop.schedulePeriodically(this::claim, 0, period, TimeUnit.NANOSECONDS);
			pump();
		});
	}

	/**
	 * Stop polling, let the deliveries under way finish (for at most {@code grace}) and
	 * give up the leases of the tasks still held.
	 * @param grace how long deliveries may take
	 * @return a Mono that completes when stopped; never fails
	 */
	public Mono<Void> stop(Duration grace) {
		Mono<List<Mono<Void>>> halt = Mono.create((sink) -> {
			if (!onLoop(() -> sink.success(halt()))) {
				sink.success(List.of());
			}
		});
		return halt.flatMap((deliveries) -> Mono.when(deliveries).timeout(grace).onErrorResume((ex) -> Mono.empty()))
			.then(Mono.defer(() -> this.store.release(List.copyOf(this.held.keySet()))))
			.timeout(grace.plusSeconds(1))
			.onErrorResume((ex) -> Mono.empty())
			.doFinally((signal) -> this.loop.dispose());
	}

	private List<Mono<Void>> halt() {
		this.stopped = true;
		dispose(this.claims);
		dispose(this.wake);
		dispose(this.reservation);
		List<Mono<Void>> deliveries = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			dispose(entry.poll);
			if (entry.delivered != null) {
				deliveries.add(entry.delivered.asMono());
			}
		}
		return deliveries;
	}

	private void adopt(TrackedTask task, boolean unsaved) {
		if (this.stopped || this.entries.containsKey(task.taskId())) {
			return;
		}
		Entry entry = new Entry(task, new PollPlanner(this.pollSettings), nanos(), unsaved);
		this.entries.put(task.taskId(), entry);
		this.held.put(task.taskId(), task);
		StorageTask last = task.lastState();
		if (last != null && last.isTerminal()) {
			finish(entry, new StorageTaskCompletedEvent(last, task));
		}
		else {
			pump();
		}
	}

	private void drop(String taskId) {
		Entry entry = this.entries.get(taskId);
		if (entry != null && entry.delivered == null) {
			this.entries.remove(taskId);
			dispose(entry.poll);
		}
	}

	private void claim() {
		if (this.stopped) {
			return;
		}
		long requestedAt = nanos();
		List<TrackedTask> unsaved = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			if (entry.unsaved) {
				unsaved.add(entry.task);
			}
			else {
				ids.add(entry.task.taskId());
			}
		}
		Flux.fromIterable(unsaved)
			.concatMap((task) -> this.store.add(task).thenReturn(task.taskId()))
			.collectList()
			.flatMapMany((saved) -> {
				onLoop(() -> saved.forEach(this::markSaved));
				List<String> all = new ArrayList<>(ids);
				all.addAll(saved);
				return this.store.claim(all);
			})
			.collectList()
			.subscribe((tasks) -> onLoop(() -> claimed(tasks, requestedAt)),
					(ex) -> logger.debug("Claiming tracked tasks failed, following the held ones: " + ex));
	}

	private void markSaved(String taskId) {
		Entry entry = this.entries.get(taskId);
		if (entry != null) {
			entry.unsaved = false;
		}
	}

	private void claimed(List<TrackedTask> tasks, long requestedAt) {
		if (this.stopped) {
			return;
		}
		Set<String> ids = new HashSet<>();
		for (TrackedTask task : tasks) {
			ids.add(task.taskId());
			adopt(task, false);
		}
		List<Entry> lost = new ArrayList<>();
		for (Entry entry : this.entries.values()) {
			if (!ids.contains(entry.task.taskId()) && !entry.unsaved && entry.delivered == null
					&& entry.adoptedAt < requestedAt) {
				lost.add(entry);
			}
		}
		// another instance holds these now (or they were untracked there)
		for (Entry entry : lost) {
			this.entries.remove(entry.task.taskId());
			this.held.remove(entry.task.taskId());
			dispose(entry.poll);
		}
	}

	private void pump() {
		if (!this.started || this.stopped || this.acquiring) {
			return;
		}
		Entry next = nextDue();
		if (next == null) {
			return;
		}
		long wait = next.dueAt - nanos();
		if (wait > 0) {
			wakeAt(next.dueAt, wait);
			return;
		}
		DingTalkRateLimiter limiter = this.limiter;
		if (limiter == null) {
			send(next, null);
			pump();
			return;
		}
		this.acquiring = true;
		this.reservation = limiter.acquire().subscribe(null, (ex) -> onLoop(() -> {
			logger.debug("The rate limiter failed: " + ex);
			this.acquiring = false;
			this.reservation = null;
			wakeAt(nanos() + RETRY_LIMITER, RETRY_LIMITER);
		}), () -> onLoop(() -> slotGranted(limiter)));
	}

	private void slotGranted(DingTalkRateLimiter limiter) {
		this.acquiring = false;
		this.reservation = null;
		if (this.stopped) {
			return;
		}
		Entry next = nextDue();
		if (next != null && next.dueAt <= nanos()) {
			send(next, limiter);
		}
		pump();
	}

	private @Nullable Entry nextDue() {
		Entry next = null;
		for (Entry entry : this.entries.values()) {
			if (entry.poll == null && entry.delivered == null && (next == null || entry.dueAt < next.dueAt)) {
				next = entry;
			}
		}
		return next;
	}

	private void wakeAt(long at, long wait) {
		Disposable current = this.wake;
		if (current != null && !current.isDisposed() && this.wakeAt <= at) {
			return;
		}
		dispose(current);
		this.wakeAt = at;
		this.wake = this.loop.schedule(() -> {
			this.wake = null;
			pump();
		}, wait, TimeUnit.NANOSECONDS);
	}

	private void send(Entry entry, @Nullable DingTalkRateLimiter limiter) {
		TrackedTask task = entry.task;
		if (Duration.between(task.trackedAt(), wallClock()).compareTo(this.settings.maxAge()) > 0) {
			finish(entry, new StorageTaskTrackingFailedEvent(task,
					StorageTaskTrackingFailedEvent.Reason.MAX_AGE_EXCEEDED, entry.lastError));
			return;
		}
		this.metrics.polled();
		DingTalkRateLimiter paced = (limiter != null) ? new PrepaidSlot(limiter) : null;
		entry.poll = this.source.poll(task.taskId(), task.unionId(), paced)
			.subscribe((answer) -> onLoop(() -> answered(entry, answer)), (ex) -> onLoop(() -> pollFailed(entry, ex)));
	}

	private void answered(Entry entry, StorageTask answer) {
		if (this.entries.get(entry.task.taskId()) != entry) {
			return;
		}
		entry.poll = null;
		entry.lastError = null;
		entry.task = entry.task.withLastState(answer);
		this.held.put(entry.task.taskId(), entry.task);
		if (answer.isTerminal()) {
			finish(entry, new StorageTaskCompletedEvent(answer, entry.task));
		}
		else {
			if (!entry.unsaved) {
				this.store.update(entry.task)
					.subscribe(null, (ex) -> logger.debug("Saving a task's state failed: " + ex));
			}
			entry.dueAt = nanos() + entry.planner.next(answer, nanos(), wallClock()).toNanos();
		}
		pump();
	}

	private void pollFailed(Entry entry, Throwable ex) {
		if (this.entries.get(entry.task.taskId()) != entry) {
			return;
		}
		entry.poll = null;
		if (ex instanceof StorageTaskNotFoundException) {
			finish(entry, new StorageTaskTrackingFailedEvent(entry.task,
					StorageTaskTrackingFailedEvent.Reason.TASK_NOT_FOUND, ex));
		}
		else if (!(ex instanceof DingTalkClientClosedException)) {
			logger.debug("Polling tracked task " + entry.task.taskId() + " failed, polling it again later: " + ex);
			entry.lastError = ex;
			entry.dueAt = nanos() + entry.planner.afterFailure().toNanos();
		}
		pump();
	}

	private void finish(Entry entry, Object event) {
		String taskId = entry.task.taskId();
		String type = (event instanceof StorageTaskCompletedEvent) ? COMPLETED : TRACKING_FAILED;
		Sinks.Empty<Void> delivered = Sinks.empty();
		entry.delivered = delivered;
		AtomicInteger attempts = new AtomicInteger();
		Mono<Void> offer = Mono.<Void>fromRunnable(() -> {
			attempts.incrementAndGet();
			this.publisher.accept(event);
		}).subscribeOn(this.delivery);
		// the terminal state is saved first: should this instance die while listeners
		// run,
		// the instance that takes the task over delivers without polling again
		Mono<Void> save = entry.unsaved ? Mono.empty()
				: this.store.update(entry.task).onErrorResume((ex) -> Mono.empty());
		save.then(
				offer.retryWhen(Retry.backoff(this.settings.deliveryMaxAttempts() - 1L, this.settings.deliveryBackoff())
					.maxBackoff(this.settings.deliveryMaxBackoff())
					.scheduler(this.timer)
					.doBeforeRetry((signal) -> logger.warn("A listener of " + event + " failed (attempt "
							+ (signal.totalRetries() + 1) + "), offering it again later: " + signal.failure()))))
			.then(Mono.fromSupplier(() -> (attempts.get() == 1) ? DELIVERED : REDELIVERED))
			.onErrorResume((ex) -> {
				logger.error("Dropping " + event + " after " + attempts.get() + " failed deliveries", ex.getCause());
				return Mono.just(DROPPED);
			})
			.flatMap((outcome) -> {
				this.metrics.event(type, outcome);
				return this.store.remove(taskId).onErrorResume((ex) -> Mono.just(false));
			})
			.doFinally((signal) -> {
				onLoop(() -> {
					if (this.entries.get(taskId) == entry) {
						this.entries.remove(taskId);
						this.held.remove(taskId);
					}
				});
				delivered.tryEmitEmpty();
			})
			.subscribe();
	}

	private boolean onLoop(Runnable action) {
		try {
			this.loop.schedule(action);
			return true;
		}
		catch (RejectedExecutionException ex) {
			return false;
		}
	}

	private long nanos() {
		return this.timer.now(TimeUnit.NANOSECONDS);
	}

	private Instant wallClock() {
		return Instant.ofEpochMilli(this.timer.now(TimeUnit.MILLISECONDS));
	}

	private static void dispose(@Nullable Disposable disposable) {
		if (disposable != null) {
			disposable.dispose();
		}
	}

	private enum Saved {

		YES, NO, ALREADY_TRACKED

	}

	/**
	 * One held task and where its polling stands.
	 */
	private static final class Entry {

		private TrackedTask task;

		private final PollPlanner planner;

		private final long adoptedAt;

		private boolean unsaved;

		private long dueAt;

		private @Nullable Disposable poll;

		private @Nullable Throwable lastError;

		private Sinks.@Nullable Empty<Void> delivered;

		Entry(TrackedTask task, PollPlanner planner, long adoptedAt, boolean unsaved) {
			this.task = task;
			this.planner = planner;
			this.adoptedAt = adoptedAt;
			this.unsaved = unsaved;
			this.dueAt = adoptedAt;
		}

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
