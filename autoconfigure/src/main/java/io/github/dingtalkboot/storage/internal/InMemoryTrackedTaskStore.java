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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dingtalkboot.storage.TrackedTask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tracked tasks in this JVM's memory, all polled by this instance: lost on restart.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class InMemoryTrackedTaskStore implements TrackedTaskStore {

	private final Map<String, TrackedTask> tasks = new ConcurrentHashMap<>();

	private final Map<String, SetAside> undelivered = new ConcurrentHashMap<>();

	private final Duration retention;

	private final Clock clock;

	/**
	 * Create a store keeping tasks set aside for seven days.
	 */
	public InMemoryTrackedTaskStore() {
		this(Duration.ofDays(7), Clock.systemUTC());
	}

	/**
	 * Create a store.
	 * @param retention how long a task set aside is kept
	 * @param clock the clock of that retention
	 */
	public InMemoryTrackedTaskStore(Duration retention, Clock clock) {
		this.retention = retention;
		this.clock = clock;
	}

	@Override
	public Mono<Boolean> add(TrackedTask task) {
		return Mono.fromSupplier(() -> this.tasks.putIfAbsent(task.taskId(), task) == null);
	}

	@Override
	public Mono<Update> update(TrackedTask task) {
		return Mono.fromSupplier(() -> (this.tasks.computeIfPresent(task.taskId(), (id, old) -> task) != null)
				? Update.SAVED : Update.REMOVED);
	}

	@Override
	public Mono<Boolean> finish(String taskId) {
		return Mono.fromSupplier(() -> this.tasks.remove(taskId) != null);
	}

	@Override
	public Mono<Boolean> park(TrackedTask task) {
		return Mono.fromSupplier(() -> {
			if (this.tasks.remove(task.taskId()) == null) {
				return false;
			}
			this.undelivered.put(task.taskId(), new SetAside(task, this.clock.instant()));
			return true;
		});
	}

	@Override
	public Mono<Boolean> redeliver(String taskId) {
		return Mono.fromSupplier(() -> {
			SetAside setAside = this.undelivered.remove(taskId);
			if (setAside == null) {
				return false;
			}
			this.tasks.putIfAbsent(taskId, setAside.task().withUndeliveredSince(null));
			return true;
		});
	}

	@Override
	public Mono<Boolean> remove(String taskId) {
		return Mono.fromSupplier(() -> {
			boolean tracked = this.tasks.remove(taskId) != null;
			boolean setAside = this.undelivered.remove(taskId) != null;
			return tracked || setAside;
		});
	}

	@Override
	public Flux<TrackedTask> list() {
		return Flux.defer(() -> Flux.concat(Flux.fromIterable(this.tasks.values()),
				Flux.fromIterable(this.undelivered.values()).map(SetAside::task)));
	}

	@Override
	public Mono<Claim> claim(Collection<String> held) {
		return Mono.fromSupplier(() -> {
			Instant oldest = this.clock.instant().minus(this.retention);
			this.undelivered.values().removeIf((setAside) -> setAside.at().isBefore(oldest));
			Set<String> ids = new HashSet<>(held);
			Set<String> lost = new HashSet<>(ids);
			lost.removeAll(this.tasks.keySet());
			List<TrackedTask> taken = this.tasks.values()
				.stream()
				.filter((task) -> !ids.contains(task.taskId()))
				.toList();
			return new Claim(taken, lost, Set.of());
		});
	}

	@Override
	public Mono<Void> release(Collection<String> held) {
		return Mono.empty();
	}

	/**
	 * A task set aside, and when by this store's clock.
	 *
	 * @param task the task
	 * @param at when it was set aside
	 */
	private record SetAside(TrackedTask task, Instant at) {
	}

}
