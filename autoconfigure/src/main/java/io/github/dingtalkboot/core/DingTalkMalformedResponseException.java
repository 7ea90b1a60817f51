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

/**
 * DingTalk answered with success, but the body was not what its API documents (not JSON,
 * the wrong shape, or a value that cannot be read, such as a time that is not ISO 8601).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkMalformedResponseException extends DingTalkException {

	/**
	 * Create an exception with a message.
	 * @param message what could not be read, safe to log
	 */
	public DingTalkMalformedResponseException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message what could not be read, safe to log
	 * @param cause the parser's failure
	 */
	public DingTalkMalformedResponseException(String message, Throwable cause) {
		super(message, cause);
	}

	private DingTalkMalformedResponseException(DingTalkMalformedResponseException source, int attempts) {
		super(source.message(), source.getCause(), attempts);
	}

	@Override
	public DingTalkMalformedResponseException withAttempts(int attempts) {
		return new DingTalkMalformedResponseException(this, attempts);
	}

}
