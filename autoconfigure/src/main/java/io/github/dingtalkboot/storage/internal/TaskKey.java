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
 * A followed task: its id and the corp it is polled for.
 *
 * @param corpId the corp, or {@code null} for none (an internal app, or a third-party
 * app's default corp)
 * @param taskId the task id
 * @author dingtalk-spring-boot maintainers
 */
record TaskKey(@Nullable String corpId, String taskId) {

	/**
	 * The corp's turn key: the corp id, or the empty string (no corp id is empty).
	 * @return the key
	 */
	String corp() {
		return (this.corpId != null) ? this.corpId : "";
	}

}
