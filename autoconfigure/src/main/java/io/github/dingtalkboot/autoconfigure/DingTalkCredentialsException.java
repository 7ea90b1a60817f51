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

import java.util.List;

/**
 * The {@code dingtalk.*} credentials are missing, incomplete or conflicting. Start-up
 * fails with a report that names the properties to set.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkCredentialsException extends IllegalStateException {

	private final transient List<String> properties;

	private final String problem;

	private final String action;

	DingTalkCredentialsException(String problem, List<String> properties, String action) {
		super(problem + " " + action);
		this.problem = problem;
		this.properties = List.copyOf(properties);
		this.action = action;
	}

	/**
	 * What is wrong with the credentials.
	 * @return the problem, naming the properties concerned
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * The properties concerned.
	 * @return the property names, e.g. {@code dingtalk.app-secret}
	 */
	public List<String> getProperties() {
		return this.properties;
	}

	/**
	 * What to do about it.
	 * @return the action, naming the properties to set
	 */
	public String getAction() {
		return this.action;
	}

}
