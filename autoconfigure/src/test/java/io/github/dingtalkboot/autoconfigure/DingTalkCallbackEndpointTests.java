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

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.dingtalkboot.auth.SuiteTicketSupplier;
import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.callback.DingTalkCallbackEvent;
import io.github.dingtalkboot.callback.internal.CallbackMetrics;
import io.github.dingtalkboot.callback.internal.CallbackReceiver;
import io.github.dingtalkboot.callback.internal.CallbackSettings;
import io.github.dingtalkboot.callback.internal.LocalCallbackLedger;
import io.github.dingtalkboot.testsupport.DingTalkPushes;
import io.github.dingtalkboot.testsupport.DingTalkPushes.Push;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback endpoint over real HTTP, in a WebFlux application on Netty and in a Spring
 * MVC application on Tomcat alike.
 */
class DingTalkCallbackEndpointTests {

	private static final String SUITE_KEY = "suite-key-endpoint";

	private static final String[] PROPERTIES = { "server.port=0", "dingtalk.suite-key=" + SUITE_KEY,
			"dingtalk.suite-secret=suite-secret", "dingtalk.base-url=http://127.0.0.1:9",
			"dingtalk.callback.token=" + DingTalkPushes.TOKEN, "dingtalk.callback.aes-key=" + DingTalkPushes.AES_KEY };

	private final DingTalkPushes pushes = new DingTalkPushes(SUITE_KEY, Clock.systemUTC());

	static Stream<Arguments> webStacks() {
		return Stream.of(Arguments.of(Named.WEBFLUX), Arguments.of(Named.SPRING_MVC));
	}

	private static void run(Named stack, Consumer<Endpoint> test, String... properties) {
		switch (stack) {
			case WEBFLUX -> webFlux().withPropertyValues(PROPERTIES)
				.withPropertyValues(properties)
				.withUserConfiguration(Listeners.class)
				.run((context) -> test(context, test));
			case SPRING_MVC -> springMvc().withPropertyValues(PROPERTIES)
				.withPropertyValues(properties)
				.withUserConfiguration(Listeners.class)
				.run((context) -> test(context, test));
		}
	}

	private static void test(ApplicationContextAssertProvider<?> context, Consumer<Endpoint> test) {
		assertThat(context).hasNotFailed();
		int port = ((WebServerApplicationContext) context.getSourceApplicationContext()).getWebServer().getPort();
		String path = context.getBean(DingTalkProperties.class).getCallback().getPath();
		test.accept(new Endpoint("http://127.0.0.1:" + port + path, context));
	}

	private static ReactiveWebApplicationContextRunner webFlux() {
		return new ReactiveWebApplicationContextRunner(AnnotationConfigReactiveWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
					HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class,
					WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
					DingTalkMetricsAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class);
	}

	private static WebApplicationContextRunner springMvc() {
		return new WebApplicationContextRunner(AnnotationConfigServletWebServerApplicationContext::new)
			.withConfiguration(AutoConfigurations.of(TomcatServletWebServerAutoConfiguration.class,
					DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
					WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
					DingTalkMetricsAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class))
			.withBean(SimpleMeterRegistry.class);
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void dingTalksUrlCheckIsAnsweredWithTheEncryptedSuccess(Named stack) {
		run(stack, (endpoint) -> {
			HttpResponse<String> response = this.pushes.send(endpoint.url(),
					this.pushes.of("{\"EventType\":\"check_url\"}"));

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
			assertThat(this.pushes.isSuccess(response.body())).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aPushedSuiteTicketIsTheOneTheCorpTokensUseAndItsEventIsPublished(Named stack) {
		run(stack, (endpoint) -> {
			HttpResponse<String> response = this.pushes.send(endpoint.url(),
					this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "pushed-ticket")));

			assertThat(this.pushes.isSuccess(response.body())).isTrue();
			assertThat(endpoint.context()
				.getBean(SuiteTicketSupplier.class)
				.getSuiteTicket()
				.block(Duration.ofSeconds(10))).isEqualTo("pushed-ticket");
			assertThat(endpoint.context().getBean(Listeners.class).events).singleElement()
				.isInstanceOfSatisfying(DingTalkCallbackEvent.class,
						(event) -> assertThat(event.getType()).isEqualTo("suite_ticket"));
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aCorpsAuthorisationAndWithdrawalArePublishedToListenersOffTheServersThreads(Named stack) {
		run(stack, (endpoint) -> {
			this.pushes.send(endpoint.url(),
					this.pushes.of(DingTalkPushes.authorization("tmp_auth_code", SUITE_KEY, "ding-corp-1")));
			this.pushes.send(endpoint.url(),
					this.pushes.of(DingTalkPushes.authorization("suite_relieve", SUITE_KEY, "ding-corp-1")));

			Listeners listeners = endpoint.context().getBean(Listeners.class);
			assertThat(listeners.authorizations).extracting(DingTalkAuthorizationEvent::getChange)
				.containsExactly(DingTalkAuthorizationEvent.Change.AUTHORIZED,
						DingTalkAuthorizationEvent.Change.WITHDRAWN);
			assertThat(listeners.threads).allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic"));
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aForgedPushIsRefusedWith403CountedAndNotPublished(Named stack) {
		run(stack, (endpoint) -> {
			Push forged = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "forged")).withSignature("0".repeat(40));

			HttpResponse<String> response = this.pushes.send(endpoint.url(), forged);

			assertThat(response.statusCode()).isEqualTo(403);
			assertThat(endpoint.context().getBean(Listeners.class).events).isEmpty();
			assertThat(endpoint.context()
				.getBean(MeterRegistry.class)
				.get(DingTalkMetricsAutoConfiguration.CALLBACK_REJECTED)
				.tag("reason", "bad-signature")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aPushSentAgainIsRefusedAsAReplay(Named stack) {
		run(stack, (endpoint) -> {
			Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
			this.pushes.send(endpoint.url(), push);

			assertThat(this.pushes.send(endpoint.url(), push).statusCode()).isEqualTo(403);
			assertThat(endpoint.context().getBean(Listeners.class).events).hasSize(1);
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aBodyOver64KilobytesIsRefusedWith400(Named stack) {
		run(stack, (endpoint) -> {
			Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
			String large = "{\"encrypt\":\"" + "A".repeat(CallbackReceiver.MAX_BODY_BYTES) + "\"}";

			HttpResponse<String> response = this.pushes.send(endpoint.url(), push.withBody(large));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(endpoint.context()
				.getBean(MeterRegistry.class)
				.get(DingTalkMetricsAutoConfiguration.CALLBACK_REJECTED)
				.tag("reason", "too-large")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aChunkedBodyOver64KilobytesIsRefusedWith400Too(Named stack) {
		run(stack, (endpoint) -> {
			Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
			String large = "{\"encrypt\":\"" + "A".repeat(CallbackReceiver.MAX_BODY_BYTES) + "\"}";

			HttpResponse<String> response = this.pushes.sendChunked(endpoint.url(), push.withBody(large));

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(endpoint.context().getBean(Listeners.class).events).isEmpty();
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void aChunkedPushIsReceived(Named stack) {
		run(stack, (endpoint) -> {
			HttpResponse<String> response = this.pushes.sendChunked(endpoint.url(),
					this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "chunked-ticket")));

			assertThat(this.pushes.isSuccess(response.body())).isTrue();
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void eventsAreCountedByType(Named stack) {
		run(stack, (endpoint) -> {
			this.pushes.send(endpoint.url(), this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t")));
			this.pushes.send(endpoint.url(), this.pushes.of("{\"EventType\":\"not_a_dingtalk_event\"}"));

			MeterRegistry registry = endpoint.context().getBean(MeterRegistry.class);
			assertThat(registry.get(DingTalkMetricsAutoConfiguration.CALLBACK_EVENTS)
				.tag("type", "suite_ticket")
				.counter()
				.count()).isEqualTo(1);
			assertThat(registry.get(DingTalkMetricsAutoConfiguration.CALLBACK_EVENTS)
				.tag("type", "other")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@ParameterizedTest
	@MethodSource("webStacks")
	void thePathIsTheOneConfigured(Named stack) {
		run(stack, (endpoint) -> {
			assertThat(endpoint.url()).endsWith("/hooks/dingtalk");
			assertThat(this.pushes
				.isSuccess(this.pushes.send(endpoint.url(), this.pushes.of("{\"EventType\":\"check_url\"}")).body()))
				.isTrue();
		}, "dingtalk.callback.path=/hooks/dingtalk");
	}

	@Test
	void thereIsNoEndpointWithoutAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
					DingTalkCallbackAutoConfiguration.class))
			.withPropertyValues(PROPERTIES)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackReceiver.class));
	}

	@Test
	void thereIsNoEndpointWithoutTheCallbackTokenAndKey() {
		webFlux().withPropertyValues("server.port=0", "dingtalk.app-key=k", "dingtalk.app-secret=s")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(CallbackReceiver.class));
	}

	@Test
	void aReceiverOfTheApplicationsOwnReplacesTheStartersButKeepsTheEndpoint() {
		webFlux().withPropertyValues(PROPERTIES)
			.withBean("myReceiver", CallbackReceiver.class,
					() -> new CallbackReceiver(
							new DingTalkCallbackCrypto(DingTalkPushes.TOKEN, DingTalkPushes.AES_KEY, SUITE_KEY),
							new CallbackSettings(Duration.ofMinutes(5), Duration.ofSeconds(5)),
							new LocalCallbackLedger(), null, null, (event) -> {
							}, Schedulers.immediate(), CallbackMetrics.NONE, Clock.systemUTC()))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CallbackReceiver.class)
				.hasBean("myReceiver")
				.hasBean("dingTalkCallbackRoute"));
	}

	enum Named {

		WEBFLUX, SPRING_MVC

	}

	record Endpoint(String url, ApplicationContext context) {

	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<DingTalkCallbackEvent> events = new CopyOnWriteArrayList<>();

		final List<DingTalkAuthorizationEvent> authorizations = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DingTalkCallbackEvent event) {
			this.events.add(event);
			this.threads.add(Thread.currentThread().getName());
		}

		@EventListener
		void on(DingTalkAuthorizationEvent event) {
			this.authorizations.add(event);
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
