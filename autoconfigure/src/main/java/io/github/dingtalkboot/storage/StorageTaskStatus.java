package io.github.dingtalkboot.storage;

import org.jspecify.annotations.Nullable;

/**
 * The status of a storage task.
 *
 * @since 0.1.0
 */
public enum StorageTaskStatus {

	/** Created, not started yet. */
	INIT,

	/** Running. */
	IN_PROGRESS,

	/** Finished; every subtask succeeded or the task as a whole did. */
	SUCCESS,

	/** Finished with a failure; see {@link StorageTask#failMessage()}. */
	FAIL,

	/**
	 * A status this client does not know yet (DingTalk may add some), or none at all.
	 * {@link StorageTask#rawStatus()} keeps what DingTalk sent.
	 */
	UNKNOWN;

	/**
	 * Whether the task has finished and will not change any more.
	 * @return {@code true} for {@link #SUCCESS} and {@link #FAIL}
	 */
	public boolean isTerminal() {
		return this == SUCCESS || this == FAIL;
	}

	/**
	 * Read DingTalk's value, leniently.
	 * @param value DingTalk's status, e.g. {@code IN_PROGRESS}
	 * @return the status, {@link #UNKNOWN} for anything else
	 */
	public static StorageTaskStatus from(@Nullable String value) {
		if (value != null) {
			for (StorageTaskStatus status : values()) {
				if (status != UNKNOWN && status.name().equalsIgnoreCase(value.strip())) {
					return status;
				}
			}
		}
		return UNKNOWN;
	}

}
