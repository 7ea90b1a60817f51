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
 * Told about every retry the client decides on, e.g. to count retries in a metric.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@FunctionalInterface
public interface RetryListener {

	/** A listener that does nothing. */
	RetryListener NONE = (operation, reason, attempt, delay) -> {
	};

	/**
	 * A failed attempt is about to be retried.
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param reason why: the HTTP status (e.g. {@code 503}), {@code THROTTLED} or
	 * {@code TRANSPORT_ERROR}
	 * @param failedAttempt the number of the attempt that failed, the first being
	 * {@code 1}
	 * @param delay how long the client waits before the next attempt
	 */
	void onRetry(String operation, String reason, int failedAttempt, Duration delay);

}
