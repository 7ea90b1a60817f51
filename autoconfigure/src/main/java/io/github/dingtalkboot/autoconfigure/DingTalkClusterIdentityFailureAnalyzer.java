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
 * Reports a cluster that has nothing to name the application by in Redis.
 *
 * @author dingtalk-spring-boot maintainers
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
