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

import org.jspecify.annotations.Nullable;

/**
 * {@code dingtalk.cluster.enabled} is set, but the application has no Redis to share
 * state through, or Redis refuses its commands for good (a missing ACL permission, a key
 * of the wrong type, a server too old for its scripts). Start-up fails with a report that
 * says what to add or change.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkClusterUnavailableException extends IllegalStateException {

	private final @Nullable String action;

	DingTalkClusterUnavailableException(String message) {
		this(message, null);
	}

	DingTalkClusterUnavailableException(String message, @Nullable String action) {
		super(message);
		this.action = action;
	}

	@Nullable String getAction() {
		return this.action;
	}

}
