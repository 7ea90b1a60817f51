package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports missing, incomplete or conflicting DingTalk credentials at start-up.
 */
final class DingTalkCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<DingTalkCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DingTalkCredentialsException cause) {
		return new FailureAnalysis("The DingTalk client cannot be configured. " + cause.getProblem(), cause.getAction(),
				cause);
	}

}
