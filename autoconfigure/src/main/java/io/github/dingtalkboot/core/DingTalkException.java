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
 * Root of everything the DingTalk client signals. Catch this type to handle every failure
 * of a DingTalk call in one place; catch a subtype to tell them apart.
 * <p>
 * Messages never contain access tokens or secrets. Instances are never shared between
 * callers: a failure that several calls see (a failed token fetch, for one) reaches each
 * of them as its own copy, made by {@link #withAttempts(int)}, so what one caller adds to
 * it (suppressed exceptions, for one) never reaches another.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkException extends RuntimeException {

	private final int attempts;

	/**
	 * Create an exception with a message.
	 * @param message what went wrong, safe to log
	 */
	public DingTalkException(String message) {
		this(message, null, 1);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message what went wrong, safe to log
	 * @param cause the underlying failure
	 */
	public DingTalkException(String message, @Nullable Throwable cause) {
		this(message, cause, 1);
	}

	/**
	 * Create an exception with a message, a cause and the number of attempts made.
	 * @param message what went wrong, safe to log
	 * @param cause the underlying failure, or {@code null}
	 * @param attempts the number of HTTP attempts of the call
	 */
	public DingTalkException(String message, @Nullable Throwable cause, int attempts) {
		super(message, cause);
		this.attempts = attempts;
	}

	/**
	 * The number of HTTP attempts made for the call that ended with this exception, the
	 * first one included: {@code 1} when the call was not retried, {@code 0} when it
	 * failed before sending anything (the access token could not be had, or the client
	 * was closed).
	 * @return the number of attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * This failure as another call sees it: an exception of the same type, with the same
	 * message, details and cause, and that call's number of attempts.
	 * @param attempts the number of HTTP attempts of that call
	 * @return a new exception
	 */
	public DingTalkException withAttempts(int attempts) {
		return new DingTalkException(this, attempts);
	}

	/**
	 * Copy an exception for another call: same message and cause, that call's attempts.
	 * @param source the exception copied
	 * @param attempts the number of HTTP attempts of that call
	 */
	protected DingTalkException(DingTalkException source, int attempts) {
		this(source.message(), source.getCause(), attempts);
	}

	final String message() {
		String message = getMessage();
		return (message != null) ? message : getClass().getSimpleName();
	}

}
