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

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * One request to DingTalk with its attempts: each attempt waits for a rate-limiter slot
 * (if any), has one deadline for headers and body, is counted in the call's observation
 * context and logged at DEBUG; the {@link RetryPolicy} decides what is tried again.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class RetryingExchange {

	private final Log logger;

	private final RetryPolicy retryPolicy;

	private final Duration attemptTimeout;

	private final AnswerReader answers;

	RetryingExchange(RetryPolicy retryPolicy, Duration attemptTimeout, AnswerReader answers, Log logger) {
		this.logger = logger;
		this.retryPolicy = retryPolicy;
		this.attemptTimeout = attemptTimeout;
		this.answers = answers;
	}

	/**
	 * Send a request, with retries.
	 * @param <T> what the reader makes
	 * @param operation the logical operation
	 * @param description the request, for messages: method and path
	 * @param request the request
	 * @param rateLimiter paces every attempt, or {@code null} for none
	 * @param reader reads a 2xx answer's body
	 * @return what the reader made
	 */
	<T> Mono<T> exchange(String operation, String description, WebClient.RequestHeadersSpec<?> request,
			@Nullable DingTalkRateLimiter rateLimiter, BodyReader<T> reader) {
		Mono<T> attempt = Mono.deferContextual((reactorContext) -> {
			DingTalkClientObservationContext call = reactorContext.getOrDefault(ObservedCall.CALL_CONTEXT_KEY, null);
			if (call != null) {
				call.attemptStarted();
			}
			// the whole attempt, headers and body, has one deadline: Netty's response
			// timeout only bounds the gap between two reads, which an answer trickling in
			// byte by byte never exceeds
			Mono<T> answer = request.exchangeToMono((response) -> this.answers.read(response, call, reader))
				.timeout(this.attemptTimeout)
				.onErrorMap((ex) -> !(ex instanceof DingTalkException), (ex) -> transportFailure(description, ex));
			if (!this.logger.isDebugEnabled()) {
				return answer;
			}
			long start = System.nanoTime();
			return answer.doOnSuccess((json) -> logAttempt(operation, call, null, start))
				.doOnError((ex) -> logAttempt(operation, call, ex, start));
		});
		if (rateLimiter != null) {
			// the limiter's own refusal (no slot within max-wait) is not DingTalk's
			// answer: it lowers no rate
			attempt = rateLimiter.acquire()
				.then(attempt.doOnSuccess((answer) -> rateLimiter.onSuccess()).doOnError((ex) -> {
					if (ex instanceof DingTalkThrottledException throttled && throttled.isRateLimited()) {
						rateLimiter.onThrottled();
					}
				}));
		}
		return this.retryPolicy.apply(operation, attempt);
	}

	private DingTalkTransportException transportFailure(String description, Throwable ex) {
		if (ex instanceof TimeoutException) {
			return new DingTalkTransportException("No complete answer from DingTalk for " + description + " within "
					+ this.attemptTimeout + " (the response timeout)", ex);
		}
		return new DingTalkTransportException(
				"No usable answer from DingTalk for " + description + ": " + AnswerReader.describe(ex), ex);
	}

	private void logAttempt(String operation, @Nullable DingTalkClientObservationContext call,
			@Nullable Throwable error, long start) {
		long millis = (System.nanoTime() - start) / 1_000_000;
		StringBuilder line = new StringBuilder("DingTalk ").append(operation);
		if (call != null) {
			line.append(" attempt ").append(call.getAttempts());
		}
		if (error instanceof DingTalkApiException api) {
			line.append(": HTTP ").append(api.getStatusCode()).append(' ').append(api.getErrorCode());
			line.append(" requestid=").append(api.getRequestId());
		}
		else if (error != null) {
			line.append(": ").append(error.getClass().getSimpleName()).append(' ').append(error.getMessage());
		}
		else {
			line.append(": HTTP ").append((call != null) ? call.getStatus() : "2xx");
			line.append(" requestid=").append((call != null) ? call.getRequestId() : null);
		}
		this.logger.debug(line.append(" in ").append(millis).append(" ms"));
	}

}
