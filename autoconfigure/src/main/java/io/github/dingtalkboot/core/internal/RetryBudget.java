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

import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * A client-wide cap on retries, after gRPC's retry throttling: a bucket of tokens, full
 * at start; every retryable failure takes one token, every success gives back
 * {@code tokenRatio}; while the bucket is at or below half full, failed calls are not
 * retried.
 * <p>
 * During an outage, the first failures still retry; once half the bucket is gone every
 * call makes one attempt only, so the client adds no load to a struggling DingTalk. As
 * calls succeed again the bucket refills and retries resume. With the defaults (100
 * tokens, ratio 0.1) that is 50 failures in a row before retries stop, and 10 successes
 * give back one retry.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RetryBudget {

	private static final long SCALE = 1000;

	private final long capacity;

	private final long ratio;

	private final @Nullable AtomicLong tokens;

	/**
	 * Create a full budget.
	 * @param maxTokens the size of the bucket
	 * @param tokenRatio what one success gives back
	 */
	public RetryBudget(double maxTokens, double tokenRatio) {
		if (maxTokens <= 0 || tokenRatio <= 0) {
			throw new IllegalArgumentException("maxTokens and tokenRatio must be positive");
		}
		this.capacity = Math.round(maxTokens * SCALE);
		this.ratio = Math.round(tokenRatio * SCALE);
		this.tokens = new AtomicLong(this.capacity);
	}

	/**
	 * A budget that never stops retries.
	 * @return an unlimited budget
	 */
	public static RetryBudget unlimited() {
		return new RetryBudget();
	}

	private RetryBudget() {
		this.capacity = 0;
		this.ratio = 0;
		this.tokens = null;
	}

	/**
	 * Whether a failed call may be retried now.
	 * @return {@code true} while the bucket is more than half full
	 */
	public boolean allowsRetry() {
		return this.tokens == null || this.tokens.get() * 2 > this.capacity;
	}

	/** Record a successful answer. */
	public void onSuccess() {
		if (this.tokens != null) {
			this.tokens.accumulateAndGet(this.ratio, (current, add) -> Math.min(this.capacity, current + add));
		}
	}

	/** Record a retryable failure. */
	public void onFailure() {
		if (this.tokens != null) {
			this.tokens.accumulateAndGet(SCALE, (current, take) -> Math.max(0, current - take));
		}
	}

	/**
	 * The tokens left, for monitoring.
	 * @return the current number of tokens, or infinity for an unlimited budget
	 */
	public double tokens() {
		return (this.tokens != null) ? (double) this.tokens.get() / SCALE : Double.POSITIVE_INFINITY;
	}

}
