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

package io.github.dingtalkboot.core.internal;

import io.github.dingtalkboot.core.DingTalkClientClosedException;

/**
 * The error of a call made after the client closed. Not API.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class ClosedClient {

	private ClosedClient() {
	}

	/**
	 * The error of a call refused because the client is closed.
	 * @return the error: nothing was sent, no attempt made
	 */
	public static DingTalkClientClosedException nothingSent() {
		return new DingTalkClientClosedException("The DingTalk client is closed; nothing was sent", null, 0);
	}

}
