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
 * Reports missing, incomplete or conflicting DingTalk credentials at start-up.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkCredentialsFailureAnalyzer extends AbstractFailureAnalyzer<DingTalkCredentialsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DingTalkCredentialsException cause) {
		return new FailureAnalysis("The DingTalk client cannot be configured. " + cause.getProblem(), cause.getAction(),
				cause);
	}

}
