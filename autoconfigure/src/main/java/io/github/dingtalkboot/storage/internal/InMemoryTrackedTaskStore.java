package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.TrackedTask;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
	public Mono<Update> update(TrackedTask task) {
		return Mono.fromSupplier(() -> (this.tasks.computeIfPresent(task.taskId(), (id, old) -> task) != null)
				? Update.SAVED : Update.REMOVED);
	}

	@Override
	public Mono<Boolean> finish(String taskId) {
		return remove(taskId);
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
	public Mono<Claim> claim(Collection<String> held) {
		return Mono.fromSupplier(() -> {
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

}
