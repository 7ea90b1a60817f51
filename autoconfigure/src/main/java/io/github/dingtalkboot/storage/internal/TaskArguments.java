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

package io.github.dingtalkboot.storage.internal;

import org.jspecify.annotations.Nullable;

/**
 * The checks of the task id and operator every storage call and every tracking takes,
 * with one wording for their errors.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TaskArguments {

	private TaskArguments() {
	}

	/**
	 * What is wrong with a task id.
	 * @param taskId the task id
	 * @return the error, or {@code null} when it is set
	 */
	static @Nullable IllegalArgumentException invalidTaskId(@Nullable String taskId) {
		return (taskId == null || taskId.isBlank()) ? new IllegalArgumentException("taskId must not be null or blank")
				: null;
	}

	/**
	 * What is wrong with a task id and an operator.
	 * @param taskId the task id
	 * @param unionId the operator
	 * @return the error, or {@code null} when both are set
	 */
	static @Nullable IllegalArgumentException invalid(@Nullable String taskId, @Nullable String unionId) {
		IllegalArgumentException invalid = invalidTaskId(taskId);
		if (invalid == null && (unionId == null || unionId.isBlank())) {
			return new IllegalArgumentException("unionId must not be null or blank");
		}
		return invalid;
	}

	/**
	 * The error of a call without an operator when none is configured.
	 * @param method the method called, e.g. {@code track(taskId)}
	 * @return the error
	 */
	static IllegalStateException noDefaultUnionId(String method) {
		return new IllegalStateException(method + " needs an operator: pass the unionId or configure a default one");
	}

}
