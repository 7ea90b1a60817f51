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

/**
 * How the client connects to DingTalk.
 *
 * @param connectTimeout the bound for opening a connection
 * @param responseTimeout the bound for one attempt to get an answer
 * @param maxConnections the size of the connection pool
 * @param maxPendingAcquires how many requests may wait for a pooled connection
 * @author dingtalk-spring-boot maintainers
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
		int maxPendingAcquires) {

	/**
	 * Check the settings.
	 */
	public HttpSettings {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
				|| responseTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout and responseTimeout must be positive");
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1");
		}
	}

}
