package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a cluster that has nothing to name the application by in Redis.
 */
final class DingTalkClusterIdentityFailureAnalyzer extends AbstractFailureAnalyzer<DingTalkClusterIdentityException> {

	static final String ACTION = "Set dingtalk.cluster.key-prefix to a name of this application that no other "
			+ "application on the same Redis uses (the instances of this application share it).";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DingTalkClusterIdentityException cause) {
		return new FailureAnalysis("The DingTalk client cannot keep its shared state apart from other applications' "
				+ "on the same Redis: " + cause.getMessage(), ACTION, cause);
	}

}
