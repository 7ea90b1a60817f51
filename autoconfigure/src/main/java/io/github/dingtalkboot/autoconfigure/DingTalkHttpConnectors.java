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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import io.github.dingtalkboot.core.internal.ConnectorFactory;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.netty.resolver.NoopAddressResolverGroup;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;

/**
 * The HTTP settings of DingTalk calls: Spring Boot's ({@code spring.http.clients.*} and
 * the application's {@link ClientHttpConnectorBuilder}) overlaid by
 * {@code dingtalk.http.*}, applied to a Reactor Netty client on the starter's own pool
 * and event loops.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkHttpConnectors {

	private final HttpClientSettings settings;

	private final ReactorClientHttpConnectorBuilder builder;

	private final HttpSettings httpSettings;

	private final List<DingTalkReactorHttpClientCustomizer> customizers;

	DingTalkHttpConnectors(DingTalkProperties.Http properties, @Nullable HttpClientSettings bootSettings,
			@Nullable ClientHttpConnectorBuilder<?> bootBuilder, @Nullable SslBundles sslBundles,
			List<DingTalkReactorHttpClientCustomizer> customizers) {
		HttpClientSettings boot = (bootSettings != null) ? bootSettings : HttpClientSettings.defaults();
		Duration connectTimeout = Objects.requireNonNullElse(properties.getConnectTimeout(),
				Objects.requireNonNullElse(boot.connectTimeout(), DingTalkProperties.Http.DEFAULT_CONNECT_TIMEOUT));
		Duration responseTimeout = Objects.requireNonNullElse(properties.getResponseTimeout(),
				Objects.requireNonNullElse(boot.readTimeout(), DingTalkProperties.Http.DEFAULT_RESPONSE_TIMEOUT));
		this.httpSettings = new HttpSettings(connectTimeout, responseTimeout, properties.getMaxConnections(),
				properties.getMaxPendingAcquires());
		// DingTalk's APIs do not redirect; following one elsewhere would send the access
		// token along
		HttpRedirects redirects = (boot.redirects() != null) ? boot.redirects() : HttpRedirects.DONT_FOLLOW;
		HttpClientSettings settings = new HttpClientSettings(redirects, connectTimeout, responseTimeout,
				boot.sslBundle());
		String bundle = properties.getSsl().getBundle();
		if (bundle != null) {
			if (sslBundles == null) {
				throw new IllegalStateException("dingtalk.http.ssl.bundle is set to '" + bundle
						+ "' but the application has no SslBundles (spring.ssl.bundle.*)");
			}
			settings = settings.withSslBundle(sslBundles.getBundle(bundle));
		}
		this.settings = settings;
		ReactorClientHttpConnectorBuilder builder = (bootBuilder instanceof ReactorClientHttpConnectorBuilder reactor)
				? reactor : ClientHttpConnectorBuilder.reactor();
		// DingTalk's answers are a few hundred bytes: asking for gzip (Boot's default)
		// costs a decompressor per response and saves nothing; a customizer below may
		// still turn it on
		this.builder = builder.withHttpClientCustomizer((httpClient) -> httpClient.compress(false));
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * The pool size and the effective timeouts.
	 * @return the settings
	 */
	HttpSettings httpSettings() {
		return this.httpSettings;
	}

	/**
	 * Makes the connector from the client on the starter's own pool, with Boot's settings
	 * and the customizers applied before the client is put on the starter's own event
	 * loops.
	 * @return the connector factory
	 */
	ConnectorFactory connectorFactory() {
		return (httpClient, onOwnEventLoops) -> {
			ProxyResolution proxy = new ProxyResolution();
			ReactorClientHttpConnectorBuilder builder = this.builder;
			for (DingTalkReactorHttpClientCustomizer customizer : this.customizers) {
				builder = builder.withHttpClientCustomizer(proxy.watching(customizer));
			}
			return builder.withHttpClientFactory(() -> httpClient)
				.withHttpClientCustomizer(onOwnEventLoops)
				.withHttpClientCustomizer(proxy::leaveResolvingToTheProxy)
				.build(this.settings);
		};
	}

	/**
	 * Reactor Netty leaves resolving host names to a proxy ({@code proxy(…)} sets a no-op
	 * resolver) only on a client no {@code runOn} touched yet: {@code runOn} sets a DNS
	 * resolver, which the proxy then keeps. Boot's Reactor resources (a WebFlux server
	 * application's) and the starter's own event loops both call {@code runOn}, so a
	 * proxy a customizer configured would have DingTalk's host resolved here, where it
	 * may not resolve at all. Once the client is on its event loops, the proxy gets back
	 * the no-op resolver Reactor Netty gives it, unless the customizer chose a resolver.
	 */
	private static final class ProxyResolution {

		private volatile boolean proxyWithoutOwnResolver;

		UnaryOperator<HttpClient> watching(DingTalkReactorHttpClientCustomizer customizer) {
			return (httpClient) -> {
				HttpClient customized = customizer.customize(httpClient);
				if (!httpClient.configuration().hasProxy() && customized.configuration().hasProxy()
						&& customized.configuration().resolver() == httpClient.configuration().resolver()) {
					this.proxyWithoutOwnResolver = true;
				}
				return customized;
			};
		}

		HttpClient leaveResolvingToTheProxy(HttpClient httpClient) {
			return (this.proxyWithoutOwnResolver && httpClient.configuration().hasProxy())
					? httpClient.resolver(NoopAddressResolverGroup.INSTANCE) : httpClient;
		}

	}

}
