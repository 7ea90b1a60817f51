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

package io.github.dingtalkboot.autoconfigure;

import io.github.dingtalkboot.core.internal.RetrySettings;
import io.github.dingtalkboot.storage.internal.StorageTaskSettings;
import io.github.dingtalkboot.storage.internal.TrackerSettings;

/**
 * The client's settings from {@link DingTalkProperties}, the one place their defaults
 * live.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkSettings {

	private DingTalkSettings() {
	}

	static RetrySettings retry(DingTalkProperties.Retry retry) {
		return RetrySettings.builder()
			.enabled(retry.isEnabled())
			.maxAttempts(retry.getMaxAttempts())
			.backoff(retry.getInitialBackoff(), retry.getMaxBackoff(), retry.getMultiplier(), retry.getJitter())
			.statuses(retry.getStatuses())
			.throttledBackoff(retry.getThrottledBackoff())
			.maxRetryAfter(retry.getMaxRetryAfter())
			.build();
	}

	static StorageTaskSettings storage(DingTalkProperties.Storage storage) {
		DingTalkProperties.Storage.Poll poll = storage.getPoll();
		return StorageTaskSettings.builder()
			.defaultUnionId(storage.getUnionId())
			.poll(poll.getInitialInterval(), poll.getMaxInterval(), poll.getMultiplier())
			.awaitTimeout(storage.getAwaitTimeout())
			.build();
	}

	static TrackerSettings tracker(DingTalkProperties.Tracker tracker) {
		DingTalkProperties.Tracker.Delivery delivery = tracker.getDelivery();
		return new TrackerSettings(tracker.getMaxAge(), tracker.getLease(), delivery.getMaxAttempts(),
				delivery.getBackoff(), delivery.getMaxBackoff(), delivery.getTimeout(), delivery.getRetention());
	}

}
