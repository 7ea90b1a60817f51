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

package io.github.dingtalkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * The DingTalk client was closed (the application context is shutting down): a watch or
 * wait that was running when it closed ends with this exception, and so does every call
 * made after it closed. Nothing was sent for the call after the client closed.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkClientClosedException extends DingTalkException {

	/**
	 * Create an exception.
	 * @param message what was stopped, safe to log
	 */
	public DingTalkClientClosedException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message, a cause and the number of HTTP attempts.
	 * @param message what went wrong, safe to log
	 * @param cause the cause, or {@code null}
	 * @param attempts the number of HTTP attempts made, {@code 0} when nothing was sent
	 */
	public DingTalkClientClosedException(String message, @Nullable Throwable cause, int attempts) {
		super(message, cause, attempts);
	}

	@Override
	public DingTalkClientClosedException withAttempts(int attempts) {
		return new DingTalkClientClosedException(message(), getCause(), attempts);
	}

}
