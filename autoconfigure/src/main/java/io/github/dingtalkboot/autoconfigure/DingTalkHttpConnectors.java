package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.List;

import static java.util.Objects.requireNonNullElse;

import org.jspecify.annotations.Nullable;

import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.HttpSettings;

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
 */
final class DingTalkHttpConnectors {

	private final HttpClientSettings settings;

	private final ReactorClientHttpConnectorBuilder builder;

	private final HttpSettings httpSettings;

	DingTalkHttpConnectors(DingTalkProperties.Http properties, @Nullable HttpClientSettings bootSettings,
			@Nullable ClientHttpConnectorBuilder<?> bootBuilder, @Nullable SslBundles sslBundles,
			List<DingTalkReactorHttpClientCustomizer> customizers) {
		HttpClientSettings boot = (bootSettings != null) ? bootSettings : HttpClientSettings.defaults();
		Duration connectTimeout = requireNonNullElse(properties.getConnectTimeout(),
				requireNonNullElse(boot.connectTimeout(), DingTalkProperties.Http.DEFAULT_CONNECT_TIMEOUT));
		Duration responseTimeout = requireNonNullElse(properties.getResponseTimeout(),
				requireNonNullElse(boot.readTimeout(), DingTalkProperties.Http.DEFAULT_RESPONSE_TIMEOUT));
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
		builder = builder.withHttpClientCustomizer((httpClient) -> httpClient.compress(false));
		for (DingTalkReactorHttpClientCustomizer customizer : customizers) {
			builder = builder.withHttpClientCustomizer(customizer::customize);
		}
		this.builder = builder;
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
	DingTalkHttpClient.ConnectorFactory connectorFactory() {
		return (httpClient, onOwnEventLoops) -> this.builder.withHttpClientFactory(() -> httpClient)
			.withHttpClientCustomizer(onOwnEventLoops)
			.build(this.settings);
	}

}
