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

import io.github.dingtalkboot.core.internal.ObservationContextAccess;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one logical DingTalk call while it is observed: its operation, and
 * as it ends, the final HTTP status, DingTalk's error code, the number of attempts and
 * the outcome.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public final class DingTalkClientObservationContext extends Observation.Context {

	static {
		ObservationContextAccess.install(new ObservationContextAccess.Recorder() {

			@Override
			public void attemptStarted(DingTalkClientObservationContext context) {
				context.attemptStarted();
			}

			@Override
			public void answered(DingTalkClientObservationContext context, int status, @Nullable String errorCode,
					@Nullable String requestId) {
				context.answered(status, errorCode, requestId);
			}

			@Override
			public void answeredAs(DingTalkClientObservationContext context, DingTalkClientObservationContext call) {
				context.answeredAs(call);
			}

			@Override
			public void cancelled(DingTalkClientObservationContext context) {
				context.cancelled();
			}

			@Override
			public void pollAnswered(DingTalkClientObservationContext context) {
				context.pollAnswered();
			}

		});
	}

	private final String operation;

	private final @Nullable String taskId;

	private volatile int attempts;

	private volatile @Nullable Integer status;

	private volatile @Nullable String errorCode;

	private volatile @Nullable String requestId;

	private volatile boolean cancelled;

	private volatile int polls;

	/**
	 * Create a context.
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param taskId the storage task concerned, or {@code null}
	 */
	public DingTalkClientObservationContext(String operation, @Nullable String taskId) {
		this.operation = operation;
		this.taskId = taskId;
	}

	/**
	 * The logical operation.
	 * @return e.g. {@code storage.task.get}, {@code oauth2.access-token}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * The storage task concerned.
	 * @return the task id, or {@code null}
	 */
	public @Nullable String getTaskId() {
		return this.taskId;
	}

	/**
	 * The number of HTTP attempts made so far.
	 * @return the attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * The HTTP status of the last answer.
	 * @return the status, or {@code null} when no answer came
	 */
	public @Nullable Integer getStatus() {
		return this.status;
	}

	/**
	 * DingTalk's error code in the last answer.
	 * @return the code, or {@code null}
	 */
	public @Nullable String getErrorCode() {
		return this.errorCode;
	}

	/**
	 * DingTalk's request id of the last answer.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return this.requestId;
	}

	/**
	 * Whether the caller cancelled the call before it ended.
	 * @return {@code true} when cancelled
	 */
	public boolean isCancelled() {
		return this.cancelled;
	}

	/**
	 * The number of polls a watch made so far.
	 * @return the polls, {@code 0} for a call that is not a watch
	 */
	public int getPolls() {
		return this.polls;
	}

	/**
	 * A watch got one more answer from DingTalk.
	 */
	void pollAnswered() {
		this.polls++;
		this.status = 200;
	}

	void attemptStarted() {
		this.attempts++;
		this.status = null;
		this.errorCode = null;
	}

	void answered(int status, @Nullable String errorCode, @Nullable String requestId) {
		this.status = status;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	/*
	 * Take the final answer of a call made on behalf of this one (a watch's poll).
	 */
	void answeredAs(DingTalkClientObservationContext call) {
		this.status = call.status;
		this.errorCode = call.errorCode;
		this.requestId = call.requestId;
	}

	void cancelled() {
		this.cancelled = true;
	}

}
