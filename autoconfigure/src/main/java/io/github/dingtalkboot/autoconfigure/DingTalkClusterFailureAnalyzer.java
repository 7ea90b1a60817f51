/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a cluster that is switched on without Redis.
 *
 * @author dingtalk-spring-boot maintainers
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
