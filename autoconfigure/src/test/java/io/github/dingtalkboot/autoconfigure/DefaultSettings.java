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

import java.util.List;

import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetrySettings;
import io.github.dingtalkboot.storage.internal.StorageTaskSettings;
import io.github.dingtalkboot.storage.internal.TrackerSettings;

/**
 * The client's default settings for tests, made the way the auto-configuration makes them
 * from a {@link DingTalkProperties} with nothing set: the tests share the one source of
 * defaults instead of repeating the values.
 */
public final class DefaultSettings {

	private DefaultSettings() {
	}

	public static RetrySettings retry() {
		return DingTalkSettings.retry(new DingTalkProperties().getRetry());
	}

	public static RetrySettings noRetries() {
		DingTalkProperties.Retry retry = new DingTalkProperties().getRetry();
		retry.setEnabled(false);
		retry.setMaxAttempts(1);
		return DingTalkSettings.retry(retry);
	}

	public static HttpSettings http() {
		return new DingTalkHttpConnectors(new DingTalkProperties().getHttp(), null, null, null, List.of())
			.httpSettings();
	}

	public static StorageTaskSettings storage() {
		return DingTalkSettings.storage(new DingTalkProperties().getStorage());
	}

	public static TrackerSettings tracker() {
		return DingTalkSettings.tracker(new DingTalkProperties().getTracker());
	}

}
