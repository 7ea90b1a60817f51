package io.github.dingtalkboot.autoconfigure;

/**
 * {@code dingtalk.cluster.enabled} is set, but the application has no Redis to share
 * state through. Start-up fails with a report that says what to add.
 *
 * @since 0.1.0
 */
public class DingTalkClusterUnavailableException extends IllegalStateException {

	DingTalkClusterUnavailableException(String message) {
		super(message);
	}

}
