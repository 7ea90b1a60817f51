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
 * No usable answer came from DingTalk: the connection was refused or reset, an attempt
 * timed out, or no connection could be had from the pool.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkTransportException extends DingTalkException {

	/**
	 * Create an exception with a message and a cause.
	 * @param message what went wrong, safe to log
	 * @param cause the underlying I/O failure
	 */
	public DingTalkTransportException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

	private DingTalkTransportException(DingTalkTransportException source, int attempts) {
		super(source.message(), source.getCause(), attempts);
	}

	@Override
	public DingTalkTransportException withAttempts(int attempts) {
		return new DingTalkTransportException(this, attempts);
	}

}
