package io.github.dingtalkboot.storage;

/**
 * A tracked task ended: DingTalk reported SUCCESS or FAIL. Published by the
 * {@link StorageTaskTracker} at least once per task; a listener that throws gets it
 * again.
 *
 * @since 0.2.0
 */
public final class StorageTaskCompletedEvent {

	private final StorageTask task;

	private final TrackedTask trackedTask;

	/**
	 * Create an event.
	 * @param task the terminal state
	 * @param trackedTask the tracked task, with its attributes
	 */
	public StorageTaskCompletedEvent(StorageTask task, TrackedTask trackedTask) {
		this.task = task;
		this.trackedTask = trackedTask;
	}

	/**
	 * The task as DingTalk reported it at the end.
	 * @return the terminal task: {@link StorageTask#isTerminal()} is {@code true}
	 */
	public StorageTask getTask() {
		return this.task;
	}

	/**
	 * The tracked task, with the attributes given to
	 * {@link StorageTaskTracker#track(String, String, java.util.Map)}.
	 * @return the tracked task
	 */
	public TrackedTask getTrackedTask() {
		return this.trackedTask;
	}

	@Override
	public String toString() {
		return "StorageTaskCompletedEvent[taskId=" + this.trackedTask.taskId() + ", status=" + this.task.status() + "]";
	}

}
