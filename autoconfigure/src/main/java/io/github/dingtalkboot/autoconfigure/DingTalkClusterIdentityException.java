package io.github.dingtalkboot.autoconfigure;

/**
 * {@code dingtalk.cluster.enabled} is set, but nothing names the application in Redis:
 * its access token is a fixed one or comes from its own supplier, so no app key sets its
 * keys apart from another application's on the same Redis. Start-up fails with a report
 * asking for {@code dingtalk.cluster.key-prefix}.
 *
 * @since 0.1.0
 */
public class DingTalkClusterIdentityException extends IllegalStateException {

	DingTalkClusterIdentityException(String message) {
		super(message);
	}

}
