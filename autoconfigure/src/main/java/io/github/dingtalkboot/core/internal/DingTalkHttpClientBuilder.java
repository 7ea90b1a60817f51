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

import java.util.function.Consumer;

import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds a {@link DingTalkHttpClient}. Not API.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class DingTalkHttpClientBuilder {

	private final WebClient.Builder webClientBuilder;

	private final String baseUrl;

	private final RetryPolicy retryPolicy;

	private @Nullable HttpSettings http;

	private @Nullable ConnectorFactory connectorFactory;

	private Consumer<WebClient.Builder> customizer = (builder) -> {
	};

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable DingTalkClientObservationConvention observationConvention;

	/**
	 * Start building a client.
	 * @param webClientBuilder the builder to start from (cloned, so Boot's codecs,
	 * filters and observations apply while the builder itself stays untouched)
	 * @param baseUrl the base URL, e.g. {@code https://api.dingtalk.io}
	 * @param retryPolicy the retry policy for every request
	 */
	public DingTalkHttpClientBuilder(WebClient.Builder webClientBuilder, String baseUrl, RetryPolicy retryPolicy) {
		this.webClientBuilder = webClientBuilder;
		this.baseUrl = baseUrl;
		this.retryPolicy = retryPolicy;
	}

	/**
	 * Set the pool size and timeouts; the response timeout bounds each attempt as a
	 * whole.
	 * @param http the settings
	 * @return this builder
	 */
	public DingTalkHttpClientBuilder http(HttpSettings http) {
		this.http = http;
		return this;
	}

	/**
	 * Set how the connector is made, e.g. with Spring Boot's HTTP client settings; by
	 * default the connect and response timeouts of {@link #http(HttpSettings)} are
	 * applied.
	 * @param connectorFactory makes the connector
	 * @return this builder
	 */
	public DingTalkHttpClientBuilder connector(ConnectorFactory connectorFactory) {
		this.connectorFactory = connectorFactory;
		return this;
	}

	/**
	 * Customize the {@link WebClient.Builder} of DingTalk calls last, after the connector
	 * is set.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public DingTalkHttpClientBuilder customizer(Consumer<WebClient.Builder> customizer) {
		this.customizer = customizer;
		return this;
	}

	/**
	 * Observe calls.
	 * @param observationRegistry where {@code dingtalk.client.requests} observations go
	 * @param observationConvention a convention replacing the default one, or
	 * {@code null}
	 * @return this builder
	 */
	public DingTalkHttpClientBuilder observations(ObservationRegistry observationRegistry,
			@Nullable DingTalkClientObservationConvention observationConvention) {
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Build the client.
	 * @return the client; close it to release its connections and threads
	 */
	public DingTalkHttpClient build() {
		HttpSettings settings = this.http;
		if (settings == null) {
			throw new IllegalStateException("http settings not set");
		}
		ConnectorFactory connectors = this.connectorFactory;
		if (connectors == null) {
			connectors = (httpClient,
					onOwnEventLoops) -> new ReactorClientHttpConnector(onOwnEventLoops.apply(httpClient
						.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
								(int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
						.responseTimeout(settings.responseTimeout())));
		}
		ClientResources resources = new ClientResources(settings, this.webClientBuilder.clone().baseUrl(this.baseUrl),
				connectors, this.customizer);
		return new DingTalkHttpClient(resources, this.baseUrl, settings, this.retryPolicy, this.observationRegistry,
				this.observationConvention);
	}

}
