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

package io.github.dingtalkboot.sample.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sandbox runs when no DingTalk credentials are configured and
 * {@code sample.sandbox.enabled} is not {@code false}. With
 * {@code dingtalk.app-key}/{@code app-secret} (or {@code DINGTALK_APP_KEY}/
 * {@code DINGTALK_APP_SECRET}) set, it stays off and the app talks to
 * {@code dingtalk.base-url}.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxCondition extends SpringBootCondition {

	private static final String[] CREDENTIALS = { "dingtalk.app-key", "dingtalk.suite-key", "dingtalk.access-token" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("sample.sandbox.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("sample.sandbox.enabled is false");
		}
		if (environment.containsProperty(JoinedSandboxConfiguration.JOIN)) {
			return ConditionOutcome.noMatch("joining another instance's sandbox");
		}
		for (String property : CREDENTIALS) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				return ConditionOutcome.noMatch(property + " is set");
			}
		}
		return ConditionOutcome.match("no DingTalk credentials are configured");
	}

}
