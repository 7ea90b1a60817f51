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

package io.github.dingtalkboot.testsupport;

import java.time.Clock;
import java.time.Duration;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.DingTalkHttpClientBuilder;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetryBudget;
import io.github.dingtalkboot.core.internal.RetryPolicy;
import io.github.dingtalkboot.core.internal.RetrySettings;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockWebServer;
import org.jspecify.annotations.Nullable;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients pointed at a test server, with short delays so tests run fast.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class DingTalkTestClients {

	private DingTalkTestClients() {
	}

	public static String baseUrl(MockWebServer server) {
		return "http://" + server.getHostName() + ":" + server.getPort();
	}

	/** Retries as by default, but with millisecond delays. */
	public static RetrySettings fastRetries() {
		return DefaultSettings.retry()
			.toBuilder()
			.backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.5)
			.throttledBackoff(Duration.ofMillis(300))
			.maxRetryAfter(Duration.ofSeconds(1))
			.build();
	}

	public static DingTalkHttpClient http(MockWebServer server) {
		return http(server, fastRetries(), DefaultSettings.http());
	}

	public static DingTalkHttpClient http(MockWebServer server, RetrySettings retry, HttpSettings settings) {
		return create(WebClient.builder(), baseUrl(server), settings,
				new RetryPolicy(retry, RetryBudget.unlimited(), Clock.systemUTC(), RetryListener.NONE));
	}

	/** A client with default HTTP settings' connector and without observations. */
	public static DingTalkHttpClient create(WebClient.Builder builder, String baseUrl, HttpSettings http,
			RetryPolicy retryPolicy) {
		return new DingTalkHttpClientBuilder(builder, baseUrl, retryPolicy).http(http).build();
	}

	/** A client with default HTTP settings' connector. */
	public static DingTalkHttpClient create(WebClient.Builder builder, String baseUrl, HttpSettings http,
			RetryPolicy retryPolicy, ObservationRegistry observationRegistry,
			@Nullable DingTalkClientObservationConvention observationConvention) {
		return new DingTalkHttpClientBuilder(builder, baseUrl, retryPolicy).http(http)
			.observations(observationRegistry, observationConvention)
			.build();
	}

}
