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
 * DingTalk answered, but with an error: a non-2xx HTTP status, usually with a JSON body
 * such as {@code {"code":"taskNotExist","requestid":"…","message":"…"}}.
 * <p>
 * The message carries the HTTP status, DingTalk's error code, its request id and its
 * message, so a log line is enough to open a ticket with DingTalk.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkApiException extends DingTalkException {

	private final int statusCode;

	private final @Nullable String errorCode;

	private final @Nullable String requestId;

	private final @Nullable String errorMessage;

	private final @Nullable String retryAfter;

	/**
	 * Create an exception from the parts of DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkApiException(DingTalkError error) {
		super(error.describe());
		this.statusCode = error.statusCode();
		this.errorCode = error.code();
		this.requestId = error.requestId();
		this.errorMessage = error.message();
		this.retryAfter = error.retryAfter();
	}

	/**
	 * Create an exception with its own message rather than one that says what DingTalk
	 * answered: for a refusal of the client itself.
	 * @param message the message
	 * @param error the parts of the refusal
	 */
	protected DingTalkApiException(String message, DingTalkError error) {
		super(message);
		this.statusCode = error.statusCode();
		this.errorCode = error.code();
		this.requestId = error.requestId();
		this.errorMessage = error.message();
		this.retryAfter = error.retryAfter();
	}

	/**
	 * Create an exception that carries the same answer as another: a copy for another
	 * caller, or the same answer with a more specific type.
	 * @param source the exception to copy
	 * @param cause the cause of the new exception, or {@code null}
	 * @param attempts the number of HTTP attempts of the call
	 */
	protected DingTalkApiException(DingTalkApiException source, @Nullable Throwable cause, int attempts) {
		super(source.message(), cause, attempts);
		this.statusCode = source.statusCode;
		this.errorCode = source.errorCode;
		this.requestId = source.requestId;
		this.errorMessage = source.errorMessage;
		this.retryAfter = source.retryAfter;
	}

	@Override
	public DingTalkApiException withAttempts(int attempts) {
		return new DingTalkApiException(this, getCause(), attempts);
	}

	/**
	 * The HTTP status DingTalk answered with.
	 * @return the HTTP status code, e.g. {@code 404}
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

	/**
	 * DingTalk's error code, e.g. {@code taskNotExist} or {@code InvalidAuthentication}.
	 * @return the code, or {@code null} when the body carried none (e.g. an HTML error
	 * page)
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * DingTalk's request id, from the body's {@code requestid} or the
	 * {@code x-acs-request-id} header.
	 * @return the request id, or {@code null} when DingTalk sent none
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * DingTalk's own message (often in Chinese), or a short snippet of a body that was
	 * not JSON.
	 * @return the message, or {@code null} when the body was empty
	 */
	public @Nullable String getErrorMessage() {
		return this.errorMessage;
	}

	/**
	 * The raw {@code Retry-After} header of the answer (seconds or an HTTP date).
	 * @return the header value, or {@code null} when absent
	 */
	public @Nullable String getRetryAfter() {
		return this.retryAfter;
	}

}
