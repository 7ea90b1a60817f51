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
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.ForwardingProxy;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.netty.transport.ProxyProvider;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientSsl;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot's HTTP client settings ({@code spring.http.clients.*}, SSL bundles,
 * customizers) reach DingTalk calls, overlaid by {@code dingtalk.http.*}.
 */
class DingTalkHttpSettingsTests {

	private static final HeldCertificate SELF_SIGNED = new HeldCertificate.Builder()
		.addSubjectAlternativeName("localhost")
		.addSubjectAlternativeName("127.0.0.1")
		.build();

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private final MockWebServer tlsServer = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				DingTalkAutoConfiguration.class))
		.withPropertyValues("dingtalk.access-token=tok", "dingtalk.storage.union-id=op",
				"dingtalk.retry.initial-backoff=5ms", "dingtalk.retry.max-backoff=10ms");

	@BeforeEach
	void startTlsServer() throws Exception {
		HandshakeCertificates serverCertificates = new HandshakeCertificates.Builder().heldCertificate(SELF_SIGNED)
			.build();
		this.tlsServer.useHttps(serverCertificates.sslSocketFactory());
		this.tlsServer.start();
	}

	@AfterEach
	void stopTlsServer() {
		this.tlsServer.close();
	}

	private String tlsBaseUrl() {
		return "https://localhost:" + this.tlsServer.getPort();
	}

	private String trustSelfSigned(String bundle) {
		return "spring.ssl.bundle.pem." + bundle + ".truststore.certificate=" + SELF_SIGNED.certificatePem();
	}

	@Test
	void aSelfSignedEndpointIsRefusedWithoutABundle() {
		this.runner.withPropertyValues("dingtalk.base-url=" + tlsBaseUrl())
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectError(DingTalkTransportException.class)
				.verify(Duration.ofSeconds(30)));
	}

	@Test
	void dingTalksOwnSslBundleTrustsASelfSignedEndpoint() {
		this.tlsServer.enqueue(task("SUCCESS", 1, 1));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + tlsBaseUrl(), trustSelfSigned("corp"),
					"dingtalk.http.ssl.bundle=corp")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectNextCount(1)
				.verifyComplete());
	}

	@Test
	void bootsClientSslBundleAppliesToDingTalkCalls() {
		this.tlsServer.enqueue(task("SUCCESS", 1, 1));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + tlsBaseUrl(), trustSelfSigned("corp"),
					"spring.http.clients.ssl.bundle=corp")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectNextCount(1)
				.verifyComplete());
	}

	@Test
	void aWebClientSslCustomizationForDingTalkCallsApplies() {
		this.tlsServer.enqueue(task("SUCCESS", 1, 1));
		this.runner.withPropertyValues("dingtalk.base-url=" + tlsBaseUrl(), trustSelfSigned("corp"))
			.withUserConfiguration(WebClientSslConfiguration.class)
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectNextCount(1)
				.verifyComplete());
	}

	@Test
	void bootsReadTimeoutBoundsEachAttemptWhenDingTalksIsNotSet() {
		for (int i = 0; i < 3; i++) {
			this.server
				.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(60, TimeUnit.SECONDS).build());
		}
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"spring.http.clients.read-timeout=1s")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkTransportException.class)
					.hasMessageContaining("PT1S"))
				.verify(Duration.ofSeconds(40)));
	}

	@Test
	void dingTalksResponseTimeoutWinsOverBootsReadTimeout() {
		this.server.enqueue(new MockResponse.Builder(task("SUCCESS", 1, 1)).headersDelay(1, TimeUnit.SECONDS).build());
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"spring.http.clients.read-timeout=100ms", "dingtalk.http.response-timeout=30s")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectNextCount(1)
				.verifyComplete());
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void aRedirectIsNotFollowedByDefaultSoTheTokenGoesNowhereElse() {
		this.server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
		this.runner.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server))
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectErrorSatisfies((ex) -> assertThat(((DingTalkApiException) ex).getStatusCode()).isEqualTo(302))
				.verify(Duration.ofSeconds(30)));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void bootsRedirectSettingApplies() {
		this.server.enqueue(new MockResponse.Builder().code(302).setHeader("Location", "/elsewhere").build());
		this.server.enqueue(task("SUCCESS", 1, 1));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"spring.http.clients.redirects=follow")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectNextCount(1)
				.verifyComplete());
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void aDingTalkWebClientCustomizerAppliesToDingTalkCallsAfterBootsCustomizers() {
		this.server.enqueue(task("SUCCESS", 1, 1));
		this.runner.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server))
			.withUserConfiguration(CustomizersConfiguration.class)
			.run((context) -> {
				context.getBean(StorageTaskOperations.class).getTask("t").block(Duration.ofSeconds(30));
				RecordedRequest request = this.server.takeRequest(30, TimeUnit.SECONDS);
				assertThat(request.getHeaders().get("X-Customized")).isEqualTo("dingtalk");
				assertThat(request.getHeaders().get("X-Everyone")).isEqualTo("boot");
			});
	}

	@Test
	void aDingTalkWebClientCustomizerLeavesTheApplicationsWebClientBuilderAlone() {
		this.runner.withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			this.server.enqueue(task("SUCCESS", 1, 1));
			context.getBean(WebClient.Builder.class)
				.build()
				.get()
				.uri(DingTalkTestClients.baseUrl(this.server) + "/other")
				.retrieve()
				.toBodilessEntity()
				.block(Duration.ofSeconds(30));
			assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getHeaders().get("X-Customized"))
				.isEqualTo("boot");
		});
	}

	/**
	 * With and without Boot's Reactor Netty resources (spring-boot-reactor-netty, which a
	 * WebFlux server application has): their {@code runOn} gives the client a DNS
	 * resolver before the customizer configures the proxy, which then resolved the host
	 * here instead of leaving it to the proxy.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void aProxyForDingTalkCallsOnlyCarriesThemThroughARealProxy(boolean bootReactorResources) throws Exception {
		this.server.enqueue(task("SUCCESS", 1, 1));
		// dingtalk.invalid cannot be resolved here: only the proxy can reach "it" (the
		// proxy tunnels to the test server)
		try (ForwardingProxy proxy = new ForwardingProxy(this.server.getHostName(), this.server.getPort())) {
			ApplicationContextRunner runner = bootReactorResources ? this.runner
					: this.runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.reactor.netty"));
			runner.withPropertyValues("dingtalk.base-url=http://dingtalk.invalid")
				.withBean(DingTalkReactorHttpClientCustomizer.class,
						() -> (httpClient) -> httpClient
							.proxy((spec) -> spec.type(ProxyProvider.Proxy.HTTP).host(proxy.host()).port(proxy.port())))
				.run((context) -> {
					StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
						.expectNextCount(1)
						.verifyComplete();
					assertThat(proxy.targets()).containsExactly("dingtalk.invalid:80");
					RecordedRequest request = this.server.takeRequest(30, TimeUnit.SECONDS);
					assertThat(request.getTarget()).isEqualTo("/v1.0/storage/tasks/t?unionId=op");
					assertThat(request.getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo("tok");
				});
		}
	}

	@Test
	void withoutTheProxyTheUnresolvableHostIsATransportError() {
		this.runner.withPropertyValues("dingtalk.base-url=http://dingtalk.invalid")
			.run((context) -> StepVerifier.create(context.getBean(StorageTaskOperations.class).getTask("t"))
				.expectError(DingTalkTransportException.class)
				.verify(Duration.ofSeconds(60)));
	}

	@Configuration(proxyBeanMethods = false)
	static class WebClientSslConfiguration {

		@Bean
		DingTalkWebClientCustomizer dingTalkSsl(WebClientSsl webClientSsl) {
			return (builder) -> webClientSsl.fromBundle("corp").accept(builder);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		WebClientCustomizer everyone() {
			return (builder) -> builder.defaultHeaders((headers) -> {
				headers.set("X-Customized", "boot");
				headers.set("X-Everyone", "boot");
			});
		}

		@Bean
		DingTalkWebClientCustomizer dingTalkOnly() {
			return (builder) -> builder.defaultHeaders((headers) -> headers.set("X-Customized", "dingtalk"));
		}

	}

}
