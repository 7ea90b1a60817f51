package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.TrackedTask;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tracked tasks in this JVM's memory, all polled by this instance: lost on restart.
 */
public final class InMemoryTrackedTaskStore implements TrackedTaskStore {

	private final Map<String, TrackedTask> tasks = new ConcurrentHashMap<>();

	@Override
	public Mono<Boolean> add(TrackedTask task) {
		return Mono.fromSupplier(() -> this.tasks.putIfAbsent(task.taskId(), task) == null);
	}

	@Override
	public Mono<Void> update(TrackedTask task) {
		return Mono.fromRunnable(() -> this.tasks.computeIfPresent(task.taskId(), (id, old) -> task));
	}

	@Override
	public Mono<Boolean> remove(String taskId) {
		return Mono.fromSupplier(() -> this.tasks.remove(taskId) != null);
	}

	@Override
	public Flux<TrackedTask> list() {
		return Flux.defer(() -> Flux.fromIterable(this.tasks.values()));
	}

	@Override
	public Flux<TrackedTask> claim(Collection<String> held) {
		return list();
	}

	@Override
	public Mono<Void> release(Collection<String> held) {
		return Mono.empty();
	}

}
