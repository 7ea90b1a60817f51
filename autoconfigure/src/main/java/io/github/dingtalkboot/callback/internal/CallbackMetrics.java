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

package io.github.dingtalkboot.callback.internal;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException;

/**
 * What the {@link CallbackReceiver} reports to metrics.
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface CallbackMetrics {

	/** Reports nothing. */
	CallbackMetrics NONE = new CallbackMetrics() {

		@Override
		public void received(String type) {
		}

		@Override
		public void rejected(DingTalkCallbackRejectedException.Reason reason) {
		}

	};

	/**
	 * An event of a verified push was received.
	 * @param type its type, one of a bounded set ({@code other} for the rest)
	 */
	void received(String type);

	/**
	 * A push was refused.
	 * @param reason why
	 */
	void rejected(DingTalkCallbackRejectedException.Reason reason);

}
