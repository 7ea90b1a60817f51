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

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What is known about one logical DingTalk call while it is observed: its operation, and
 * as it ends, the final HTTP status, DingTalk's error code, the number of attempts and
 * the outcome.
 * <p>
 * The client records a call's progress with the mutators below as the call runs, the way
 * Spring's {@code ClientRequestObservationContext} has its setters; applications and
 * conventions read it.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public final class DingTalkClientObservationContext extends Observation.Context {

	private final String operation;

	private final @Nullable String taskId;

	private final AtomicInteger attempts = new AtomicInteger();

	private volatile @Nullable Integer status;

	private volatile @Nullable String errorCode;

	private volatile @Nullable String requestId;

	private volatile boolean cancelled;

	private final AtomicInteger polls = new AtomicInteger();

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
		return this.attempts.get();
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
		return this.polls.get();
	}

	/**
	 * Record that a watch got one more answer from DingTalk.
	 */
	public void pollAnswered() {
		this.polls.incrementAndGet();
		this.status = 200;
	}

	/**
	 * Record that an HTTP attempt starts: counts it and forgets the previous attempt's
	 * answer.
	 */
	public void attemptStarted() {
		this.attempts.incrementAndGet();
		this.status = null;
		this.errorCode = null;
	}

	/**
	 * Record DingTalk's answer.
	 * @param status the HTTP status
	 * @param errorCode the error code, or {@code null}
	 * @param requestId the request id, or {@code null}
	 */
	public void answered(int status, @Nullable String errorCode, @Nullable String requestId) {
		this.status = status;
		this.errorCode = errorCode;
		this.requestId = requestId;
	}

	/**
	 * Record the final answer of a call made on behalf of this one (a watch's poll).
	 * @param call the context of the call made on behalf of this one
	 */
	public void answeredAs(DingTalkClientObservationContext call) {
		this.status = call.status;
		this.errorCode = call.errorCode;
		this.requestId = call.requestId;
	}

	/**
	 * Record that the caller cancelled the call before it ended.
	 */
	public void cancelled() {
		this.cancelled = true;
	}

}
