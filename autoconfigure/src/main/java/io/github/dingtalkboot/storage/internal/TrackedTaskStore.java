package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.TrackedTask;

import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the {@link TaskTracker} keeps tracked tasks, and which of them this instance
 * polls. In memory by default; in Redis with the cluster, where each task is leased to
 * one instance at a time.
 */
public interface TrackedTaskStore {

	/**
	 * Add a task, leased to this instance, unless it is tracked already.
	 * @param task the task
	 * @return whether it was added
	 */
	Mono<Boolean> add(TrackedTask task);

	/**
	 * Save a task's new last state, if it is still tracked.
	 * @param task the task
	 * @return a Mono that completes when saved
	 */
	Mono<Void> update(TrackedTask task);

	/**
	 * Remove a task.
	 * @param taskId the task id
	 * @return whether it was tracked
	 */
	Mono<Boolean> remove(String taskId);

	/**
	 * Every tracked task.
	 * @return the tasks
	 */
	Flux<TrackedTask> list();

	/**
	 * Renew this instance's leases of the tasks it holds and take tasks nobody holds (new
	 * ones, or whose holder stopped renewing).
	 * @param held the ids of the tasks this instance polls now
	 * @return every task this instance holds afterwards
	 */
	Flux<TrackedTask> claim(Collection<String> held);

	/**
	 * Give up this instance's leases, so that other instances take the tasks over at
	 * once.
	 * @param held the ids of the tasks this instance held
	 * @return a Mono that completes when released
	 */
	Mono<Void> release(Collection<String> held);

}
