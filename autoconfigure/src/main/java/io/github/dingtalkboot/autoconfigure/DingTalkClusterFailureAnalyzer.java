package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a cluster that is switched on without Redis.
 */
final class DingTalkClusterFailureAnalyzer extends AbstractFailureAnalyzer<DingTalkClusterUnavailableException> {

	static final String ACTION = "Add the dependency org.springframework.boot:spring-boot-starter-data-redis-reactive "
			+ "and point it at your Redis with spring.data.redis.host and spring.data.redis.port (or "
			+ "spring.data.redis.url), or declare a ReactiveRedisConnectionFactory bean; or set "
			+ "dingtalk.cluster.enabled=false to keep every instance's token and rate limit its own.";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DingTalkClusterUnavailableException cause) {
		String action = cause.getAction();
		return new FailureAnalysis(
				"The DingTalk client cannot share its state between instances: " + cause.getMessage(),
				(action != null) ? action : ACTION, cause);
	}

}
