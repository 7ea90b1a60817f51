package io.github.dingtalkboot.storage;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A task the {@link StorageTaskTracker} follows.
 *
 * @param taskId the task id
 * @param unionId the operator the task is polled as
 * @param attributes the caller's correlation data (a user id, a job id), unmodifiable
 * @param trackedAt when tracking started
 * @param lastState the state of the latest poll, or {@code null} before the first one
 * @since 0.2.0
 */
public record TrackedTask(String taskId, String unionId, Map<String, String> attributes, Instant trackedAt,
		@Nullable StorageTask lastState) {

	/**
	 * Copy the attributes, so that the caller's map may change afterwards.
	 */
	public TrackedTask {
		attributes = Map.copyOf(attributes);
	}

	/**
	 * This task with another last state.
	 * @param state the state of the latest poll
	 * @return the new record
	 */
	public TrackedTask withLastState(StorageTask state) {
		return new TrackedTask(this.taskId, this.unionId, this.attributes, this.trackedAt, state);
	}

}
