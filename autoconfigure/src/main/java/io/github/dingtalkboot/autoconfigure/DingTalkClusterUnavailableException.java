package io.github.dingtalkboot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@code dingtalk.cluster.enabled} is set, but the application has no Redis to share
 * state through, or Redis refuses its commands for good (a missing ACL permission, a key
 * of the wrong type, a server too old for its scripts). Start-up fails with a report that
 * says what to add or change.
 *
 * @since 0.1.0
 */
public class DingTalkClusterUnavailableException extends IllegalStateException {

	private final @Nullable String action;

	DingTalkClusterUnavailableException(String message) {
		this(message, null);
	}

	DingTalkClusterUnavailableException(String message, @Nullable String action) {
		super(message);
		this.action = action;
	}

	@Nullable String getAction() {
		return this.action;
	}

}
