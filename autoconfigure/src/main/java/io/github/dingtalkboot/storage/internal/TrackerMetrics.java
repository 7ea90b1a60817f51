package io.github.dingtalkboot.storage.internal;

/**
 * What the {@link TaskTracker} reports to metrics.
 */
public interface TrackerMetrics {

	/** Reports nothing. */
	TrackerMetrics NONE = new TrackerMetrics() {

		@Override
		public void polled() {
		}

		@Override
		public void event(String type, String outcome) {
		}

	};

	/**
	 * A tracked task was polled.
	 */
	void polled();

	/**
	 * An event was handled.
	 * @param type {@code completed} or {@code tracking-failed}
	 * @param outcome {@code delivered}, {@code redelivered} or {@code dropped}
	 */
	void event(String type, String outcome);

}
