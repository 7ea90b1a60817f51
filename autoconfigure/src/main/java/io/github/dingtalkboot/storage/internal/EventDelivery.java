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

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * Delivers the tracker's events: saves the task's terminal state, offers the event to the
 * application's listeners until each took it (with back-off, at most
 * {@code delivery.max-attempts} times), then removes the task from the store, or sets it
 * aside when the listeners did not take the event.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class EventDelivery {

	static final String COMPLETED = "completed";

	static final String TRACKING_FAILED = "tracking-failed";

	static final String DELIVERED = "delivered";

	static final String REDELIVERED = "redelivered";

	static final String UNDELIVERED = "undelivered";

	private static final Log logger = LogFactory.getLog(EventDelivery.class);

	private final TrackedTaskStore store;

	private final EventListeners listeners;

	private final TrackerMetrics metrics;

	private final TrackerSettings settings;

	private final PollLoop loop;

	private final Scheduler delivery;

	/**
	 * Create a delivery.
	 * @param store where tracked tasks are kept
	 * @param listeners the application's listeners
	 * @param metrics where events are counted
	 * @param settings the delivery's timeout and back-off
	 * @param loop the schedule's loop, for its timers and clock
	 * @param delivery where listeners run
	 */
	EventDelivery(TrackedTaskStore store, EventListeners listeners, TrackerMetrics metrics, TrackerSettings settings,
			PollLoop loop, Scheduler delivery) {
		this.store = store;
		this.listeners = listeners;
		this.metrics = metrics;
		this.settings = settings;
		this.loop = loop;
		this.delivery = delivery;
	}

	/**
	 * Deliver an event of a task this instance holds.
	 * @param task the task, with its terminal state
	 * @param unsaved whether the store lacks the task
	 * @param event the event
	 * @param removalPending told of the task's id when the store did not take its removal
	 * @return a Mono that completes when the delivery ended; never fails
	 */
	Mono<Void> deliver(TrackedTask task, boolean unsaved, Object event, Consumer<String> removalPending) {
		String taskId = task.taskId();
		String type = (event instanceof StorageTaskCompletedEvent) ? COMPLETED : TRACKING_FAILED;
		AtomicInteger attempts = new AtomicInteger();
		Set<Object> took = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
		Mono<Void> offer = Mono.defer(() -> {
			int attempt = attempts.incrementAndGet();
			return Flux.fromIterable(this.listeners.of(event))
				.filter((listener) -> !took.contains(listener.key()))
				.concatMap((listener) -> offer(listener, event, attempt, took))
				.collectList()
				.flatMap((failures) -> failures.isEmpty() ? Mono.<Void>empty() : Mono.error(failures.get(0)));
		});
		// the terminal state is saved first: should this instance die while listeners
		// run, the instance that takes the task over delivers without polling again; and
		// only the holder delivers
		Mono<TrackedTaskStore.Update> save = unsaved ? Mono.just(TrackedTaskStore.Update.SAVED)
				: this.store.update(task)
					.flatMap((update) -> (update != TrackedTaskStore.Update.MISSING) ? Mono.just(update)
							: this.store.add(task).thenReturn(TrackedTaskStore.Update.SAVED))
					.onErrorReturn(TrackedTaskStore.Update.SAVED);
		return save.flatMap((update) -> {
			if (update != TrackedTaskStore.Update.SAVED) {
				logger.debug("Not announcing " + event + ": " + update);
				return Mono.<Boolean>empty();
			}
			return offer
				.retryWhen(Retry.backoff(this.settings.deliveryMaxAttempts() - 1L, this.settings.deliveryBackoff())
					.maxBackoff(this.settings.deliveryMaxBackoff())
					.scheduler(this.loop.timer())
					.doBeforeRetry((signal) -> logger
						.debug("Offering " + event + " again later to the listeners that did not take it")))
				.then(Mono.fromSupplier(() -> (attempts.get() == 1) ? DELIVERED : REDELIVERED))
				.onErrorResume((ex) -> {
					logger.error(
							"Setting " + event + " aside after " + attempts.get() + " failed deliveries; "
									+ "StorageTaskTracker.redeliver(\"" + taskId + "\") offers it again",
							ex.getCause());
					return Mono.just(UNDELIVERED);
				})
				.flatMap((outcome) -> {
					this.metrics.event(type, outcome);
					if (outcome.equals(UNDELIVERED)) {
						// should Redis not take it now, the task stays with its terminal
						// state and is offered again by the instance that takes it over
						return this.store.park(task.withUndeliveredSince(this.loop.wallClock()))
							.onErrorResume((ex) -> Mono.just(false));
					}
					return this.store.finish(taskId).onErrorResume((ex) -> {
						removalPending.accept(taskId);
						return Mono.just(false);
					});
				});
		}).then();
	}

	/*
	 * Offers an event to one listener; answers what it failed with, if it failed. A
	 * listener that hangs holds its thread, but not the event: after the timeout the
	 * offer counts as failed, and the next listener is offered the event.
	 */
	private Mono<Throwable> offer(EventListeners.Listener listener, Object event, int attempt, Set<Object> took) {
		return Mono.fromRunnable(listener.offer())
			.subscribeOn(this.delivery)
			.timeout(this.settings.deliveryTimeout(), this.loop.timer())
			.then(Mono.fromRunnable(() -> took.add(listener.key())))
			.then(Mono.<Throwable>empty())
			.onErrorResume((ex) -> {
				logger.warn("Listener " + listener.key() + " of " + event + " failed (attempt " + attempt
						+ "); offering it the event again later: " + ex);
				return Mono.just(ex);
			});
	}

}
