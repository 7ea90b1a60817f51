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

import java.time.Duration;

/**
 * DingTalk refused the call because a limit was reached. DingTalk answers throttling with
 * HTTP 403 and a {@code Forbidden.AccessDenied.QpsLimit*} code (a per-second limit:
 * waiting helps) or {@code Forbidden.AccessDenied.ApiCountLimitForOrg} (the
 * organisation's monthly quota: waiting does not help); HTTP 429 is treated as a
 * per-second limit too.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkThrottledException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkThrottledException(DingTalkError error) {
		super(error);
	}

	private DingTalkThrottledException(String message, DingTalkError error) {
		super(message, error);
	}

	/**
	 * The client's own rate limiter refused the call without sending it: its slot would
	 * come later than the longest wait it allows. Not retried; the rate is not lowered.
	 * @param wait how far away the slot was
	 * @param maxWait the longest wait allowed
	 * @return the exception
	 */
	public static DingTalkThrottledException refusedByRateLimiter(Duration wait, Duration maxWait) {
		String message = "The client's rate limiter has no slot within its longest wait (" + maxWait
				+ "); the next free one is " + wait.toMillis() + " ms away. Nothing was sent to DingTalk.";
		return new DingTalkThrottledException(message,
				new DingTalkError(429, DingTalkErrorCodes.CLIENT_RATE_LIMIT_WAIT, message, null, null));
	}

	/**
	 * Whether the client's own rate limiter refused the call (nothing was sent), rather
	 * than DingTalk.
	 * @return {@code true} for {@link #refusedByRateLimiter}
	 */
	public boolean isRefusedByRateLimiter() {
		return DingTalkErrorCodes.CLIENT_RATE_LIMIT_WAIT.equals(getErrorCode());
	}

	/**
	 * Whether the organisation's monthly call quota is used up, so retrying cannot help.
	 * @return {@code true} for {@code Forbidden.AccessDenied.ApiCountLimitForOrg}
	 */
	public boolean isQuotaExhausted() {
		return DingTalkErrorCodes.QUOTA_LIMIT.equals(getErrorCode());
	}

	/**
	 * Whether a per-second limit was hit, which passes with time: any throttling but the
	 * monthly quota.
	 * @return {@code true} for HTTP 429 and the {@code QpsLimit*} codes
	 */
	public boolean isRateLimited() {
		return !isQuotaExhausted();
	}

	private DingTalkThrottledException(DingTalkThrottledException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkThrottledException withAttempts(int attempts) {
		return new DingTalkThrottledException(this, attempts);
	}

}
