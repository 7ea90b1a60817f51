package io.github.dingtalkboot.callback.internal;

import org.jspecify.annotations.Nullable;

/**
 * A push as the web layer received it.
 *
 * @param signature the query's {@code msg_signature}, else its {@code signature}
 * @param timestamp the query's {@code timestamp}
 * @param nonce the query's {@code nonce}
 * @param body the body, at most {@link CallbackReceiver#MAX_BODY_BYTES} of it
 * @param tooLarge whether the body was larger than that (and not read further)
 */
public record CallbackRequest(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
		byte[] body, boolean tooLarge) {

	@Override
	public String toString() {
		return "CallbackRequest[timestamp=" + this.timestamp + ", nonce=" + this.nonce + ", " + this.body.length
				+ " bytes]";
	}

}
