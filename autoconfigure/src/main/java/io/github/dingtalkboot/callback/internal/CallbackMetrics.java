package io.github.dingtalkboot.callback.internal;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException;

/**
 * What the {@link CallbackReceiver} reports to metrics.
 */
public interface CallbackMetrics {

	/** Reports nothing. */
	CallbackMetrics NONE = new CallbackMetrics() {

		@Override
		public void received(String type) {
		}

		@Override
		public void rejected(DingTalkCallbackRejectedException.Reason reason) {
		}

	};

	/**
	 * An event of a verified push was received.
	 * @param type its type, one of a bounded set ({@code other} for the rest)
	 */
	void received(String type);

	/**
	 * A push was refused.
	 * @param reason why
	 */
	void rejected(DingTalkCallbackRejectedException.Reason reason);

}
