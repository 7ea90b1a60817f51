package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.TrackedTask;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code dingtalktasks} actuator endpoint: the storage tasks tracked now, with the
 * state each was last seen in.
 *
 * @since 0.2.0
 */
@Endpoint(id = "dingtalktasks")
public final class DingTalkTasksEndpoint {

	/** A store that does not answer in time gives an error, not a hanging request. */
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final StorageTaskTracker tracker;

	DingTalkTasksEndpoint(StorageTaskTracker tracker) {
		this.tracker = tracker;
	}

	/**
	 * The tracked tasks.
	 * @return the tasks, oldest first
	 */
	@ReadOperation
	public Mono<TrackedTasks> trackedTasks() {
		return this.tracker.trackedTasks()
			.sort((left, right) -> left.trackedAt().compareTo(right.trackedAt()))
			.collectList()
			.map(TrackedTasks::new)
			.timeout(TIMEOUT);
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param tasks the tracked tasks, oldest first
	 */
	public record TrackedTasks(List<TrackedTask> tasks) {
	}

}
