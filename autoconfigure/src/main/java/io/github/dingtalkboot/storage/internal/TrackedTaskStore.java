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

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.github.dingtalkboot.storage.TrackedTask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where the {@link TaskTracker} keeps tracked tasks, and which of them this instance
 * polls. In memory by default; in Redis with the cluster, where each task is leased to
 * one instance at a time and only that instance may save or finish it (fencing).
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface TrackedTaskStore {

	/**
	 * Add a task, leased to this instance, unless it is tracked already. Also writes back
	 * a task the store lost while this instance followed it.
	 * @param task the task
	 * @return whether it was added
	 */
	Mono<Boolean> add(TrackedTask task);

	/**
	 * Save a task's new last state, if this instance holds it.
	 * @param task the task
	 * @return what became of the write
	 */
	Mono<Update> update(TrackedTask task);

	/**
	 * Remove a task whose event was delivered, if this instance holds it.
	 * @param taskId the task id
	 * @return whether it was removed
	 */
	Mono<Boolean> finish(String taskId);

	/**
	 * Set a task aside whose event no listener took, if this instance holds it: it is no
	 * longer claimed, but listed (with {@link TrackedTask#undeliveredSince()}) until
	 * {@link #redeliver} or its retention ends.
	 * @param task the task, {@link TrackedTask#undeliveredSince()} set
	 * @return whether it was set aside
	 */
	Mono<Boolean> park(TrackedTask task);

	/**
	 * Make a task that was set aside claimable again, so that its event is offered anew.
	 * @param taskId the task id
	 * @return whether it was set aside
	 */
	Mono<Boolean> redeliver(String taskId);

	/**
	 * Remove a task, whoever holds it: the application no longer wants it tracked.
	 * @param taskId the task id
	 * @return whether it was tracked
	 */
	Mono<Boolean> remove(String taskId);

	/**
	 * Every tracked task, those set aside included.
	 * @return the tasks
	 */
	Flux<TrackedTask> list();

	/**
	 * Renew this instance's leases of the tasks it holds and take tasks nobody holds (new
	 * ones, or whose holder stopped renewing).
	 * @param held the ids of the tasks this instance follows now
	 * @return what this instance holds afterwards
	 */
	Mono<Claim> claim(Collection<String> held);

	/**
	 * Give up this instance's leases, so that other instances take the tasks over at
	 * once.
	 * @param held the ids of the tasks this instance held
	 * @return a Mono that completes when released
	 */
	Mono<Void> release(Collection<String> held);

	/**
	 * What became of a fenced write.
	 */
	enum Update {

		/** Saved: this instance holds the task. */
		SAVED,

		/** Not saved: another instance took the task over (this one's lease ran out). */
		TAKEN_OVER,

		/** Not saved: the task was removed (untracked, or finished elsewhere). */
		REMOVED,

		/** Not saved: the store has no trace of the task; it lost its data. */
		MISSING

	}

	/**
	 * The outcome of a claim. The held ids in none of its sets are renewed.
	 *
	 * @param taken tasks this instance holds now that it did not hold before
	 * @param lost held ids another instance holds now, or that were removed
	 * @param missing held ids the store has no trace of (it lost its data): this instance
	 * should write them back
	 */
	record Claim(List<TrackedTask> taken, Set<String> lost, Set<String> missing) {

		public Claim {
			taken = List.copyOf(taken);
			lost = Set.copyOf(lost);
			missing = Set.copyOf(missing);
		}

	}

}
