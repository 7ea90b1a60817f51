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

package io.github.dingtalkboot.storage.internal;

import java.util.concurrent.atomic.AtomicBoolean;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import reactor.core.publisher.Mono;

/**
 * The slot the schedule reserved for a poll: the poll's first request uses it, a retry
 * waits for a slot of its own.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class PrepaidSlot implements DingTalkRateLimiter {

	private final DingTalkRateLimiter limiter;

	private final AtomicBoolean used = new AtomicBoolean();

	PrepaidSlot(DingTalkRateLimiter limiter) {
		this.limiter = limiter;
	}

	@Override
	public Mono<Void> acquire() {
		return Mono.defer(() -> this.used.compareAndSet(false, true) ? Mono.empty() : this.limiter.acquire());
	}

	@Override
	public void onSuccess() {
		this.limiter.onSuccess();
	}

	@Override
	public void onThrottled() {
		this.limiter.onThrottled();
	}

	@Override
	public double currentRate() {
		return this.limiter.currentRate();
	}

}
