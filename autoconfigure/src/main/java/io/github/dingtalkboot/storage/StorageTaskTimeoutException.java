package io.github.dingtalkboot.storage;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import io.github.dingtalkboot.core.DingTalkException;

/**
 * A storage task did not finish within the time {@code awaitTask} was given. Polling has
 * stopped; the task itself goes on in DingTalk.
 *
 * @since 0.1.0
 */
public class StorageTaskTimeoutException extends DingTalkException {

	private final transient @Nullable StorageTask lastState;

	/**
	 * Create an exception.
	 * @param taskId the task waited for
	 * @param timeout how long it was waited for
	 * @param lastState the last state seen, or {@code null} when no answer came in time
	 */
	public StorageTaskTimeoutException(String taskId, Duration timeout, @Nullable StorageTask lastState) {
		super("Storage task " + taskId + " did not finish within " + timeout + "; last state seen: "
				+ ((lastState != null)
						? lastState.status() + " " + lastState.successCount() + "/" + lastState.totalCount() : "none"));
		this.lastState = lastState;
	}

	private StorageTaskTimeoutException(StorageTaskTimeoutException source, int attempts) {
		super(source, attempts);
		this.lastState = source.lastState;
	}

	@Override
	public StorageTaskTimeoutException withAttempts(int attempts) {
		return new StorageTaskTimeoutException(this, attempts);
	}

	/**
	 * The last state of the task seen before the timeout.
	 * @return the state, or {@code null} when no answer came in time
	 */
	public @Nullable StorageTask getLastState() {
		return this.lastState;
	}

}
