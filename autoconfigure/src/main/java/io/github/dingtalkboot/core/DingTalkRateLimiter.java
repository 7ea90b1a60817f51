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

import reactor.core.publisher.Mono;

/**
 * Paces the requests the client sends to a rate-limited DingTalk API. The
 * auto-configuration provides an in-process limiter that adapts to DingTalk's throttling;
 * declare a bean of this type to replace it (one shared between instances, for example).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public interface DingTalkRateLimiter {

	/**
	 * Wait for the next free slot, on a timer, never blocking a thread. Cancelling the
	 * returned {@code Mono} before it completes gives the slot back.
	 * @return a {@code Mono} that completes when the request may be sent; the starter's
	 * limiters fail it at once with
	 * {@link DingTalkThrottledException#refusedByRateLimiter} when the next free slot is
	 * further away than the longest wait they allow
	 */
	Mono<Void> acquire();

	/**
	 * DingTalk answered a request sent in a slot without throttling it.
	 */
	void onSuccess();

	/**
	 * DingTalk throttled a request sent in a slot (a per-second limit, not a quota).
	 */
	void onThrottled();

	/**
	 * The rate the limiter allows now, shown as the {@code dingtalk.client.rate-limit}
	 * gauge.
	 * @return requests per second
	 */
	double currentRate();

}
