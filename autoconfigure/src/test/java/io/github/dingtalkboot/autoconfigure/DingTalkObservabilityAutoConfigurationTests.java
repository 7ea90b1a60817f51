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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DefaultDingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics, observations and the health indicator as the auto-configuration wires them.
 */
class DingTalkObservabilityAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkHealthContributorAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class));

	@StartStop
	private final MockWebServer server = new MockWebServer();

	private ApplicationContextRunner internalApp() {
		return this.runner.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
				"dingtalk.app-key=key", "dingtalk.app-secret=secret", "dingtalk.retry.initial-backoff=5ms");
	}

	@Test
	void healthIsUpWhenATokenCanBeHadAndProbesReuseTheCachedToken() {
		this.server.enqueue(token("the-token", 7200));
		internalApp().run((context) -> {
			ReactiveHealthIndicator indicator = context.getBean("dingtalkHealthIndicator",
					ReactiveHealthIndicator.class);
			for (int i = 0; i < 5; i++) {
				Health health = indicator.health().block(Duration.ofSeconds(30));
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.toString()).doesNotContain("the-token");
			}
			assertThat(this.server.getRequestCount()).isEqualTo(1);
		});
	}

	@Test
	void healthIsDownWithStatusAndErrorCodeWhenDingTalkRefusesTheCredentials() {
		this.server.enqueue(error(400, "invalidClientIdOrSecret", "bad secret"));
		internalApp().run((context) -> {
			Health health = context.getBean("dingtalkHealthIndicator", ReactiveHealthIndicator.class)
				.health()
				.block(Duration.ofSeconds(30));
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("status", 400)
				.containsEntry("errorCode", "invalidClientIdOrSecret")
				.containsEntry("error", "DingTalkAuthenticationException");
			assertThat(health.toString()).doesNotContain("secret=");
		});
	}

	@Test
	void aUserBeanNamedDingtalkHealthIndicatorReplacesTheStartersOne() {
		ReactiveHealthIndicator own = () -> reactor.core.publisher.Mono
			.just(Health.up().withDetail("own", true).build());
		internalApp().withBean("dingtalkHealthIndicator", ReactiveHealthIndicator.class, () -> own)
			.run((context) -> assertThat(context.getBean("dingtalkHealthIndicator")).isSameAs(own));
	}

	@Test
	void noHealthIndicatorOrMetersWhenTheClientIsDisabled() {
		internalApp().withPropertyValues("dingtalk.enabled=false")
			.withUserConfiguration(RegistriesConfiguration.class)
			.run((context) -> {
				assertThat(context).doesNotHaveBean("dingtalkHealthIndicator");
				assertThat(context).doesNotHaveBean(RetryListener.class);
			});
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		internalApp().withPropertyValues("management.health.dingtalk.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dingtalkHealthIndicator"));
	}

	@Test
	void noHealthIndicatorWithoutSpringBootHealth() {
		internalApp().withClassLoader(new FilteredClassLoader("org.springframework.boot.health")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("dingtalkHealthIndicator");
			assertThat(context).hasSingleBean(StorageTaskOperations.class);
		});
	}

	@Test
	void worksWithoutMicrometerCore() {
		internalApp().withClassLoader(new FilteredClassLoader(MeterRegistry.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RetryListener.class);
			assertThat(context).hasSingleBean(StorageTaskOperations.class);
		});
	}

	@Test
	void callsAreObservedInTheApplicationsObservationRegistryAndRetriesCounted() {
		this.server.enqueue(token("the-token", 7200));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		internalApp().withUserConfiguration(RegistriesConfiguration.class).run((context) -> {
			context.getBean(StorageTaskOperations.class).getTask("t", "u").block(Duration.ofSeconds(30));
			TestObservationRegistry observations = context.getBean(TestObservationRegistry.class);
			assertThat(observations)
				.hasAnObservation((observation) -> observation.hasNameEqualTo("dingtalk.client.requests")
					.hasLowCardinalityKeyValue("dingtalk.operation", "storage.task.get")
					.hasLowCardinalityKeyValue("attempts", "2"));
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("dingtalk.client.retries")
				.tags("dingtalk.operation", "storage.task.get", "reason", "503")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void everyRetryListenerIsCalledAndTheRetriesCounterStays() {
		this.server.enqueue(token("the-token", 7200));
		this.server.enqueue(error(503, "operationTimeout", "busy"));
		this.server.enqueue(task("SUCCESS", 1, 1));
		internalApp().withUserConfiguration(RegistriesConfiguration.class, RetryListenersConfiguration.class)
			.run((context) -> {
				context.getBean(StorageTaskOperations.class).getTask("t", "u").block(Duration.ofSeconds(30));
				RetryListenersConfiguration listeners = context.getBean(RetryListenersConfiguration.class);
				assertThat(listeners.first).hasValue(1);
				assertThat(listeners.second).hasValue(1);
				assertThat(context.getBean(MeterRegistry.class)
					.get("dingtalk.client.retries")
					.tags("dingtalk.operation", "storage.task.get", "reason", "503")
					.counter()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aUserConventionReplacesTheDefault() {
		this.server.enqueue(token("the-token", 7200));
		this.server.enqueue(task("SUCCESS", 1, 1));
		internalApp().withUserConfiguration(RegistriesConfiguration.class, ConventionConfiguration.class)
			.run((context) -> {
				context.getBean(StorageTaskOperations.class).getTask("t", "u").block(Duration.ofSeconds(30));
				assertThat(context.getBean(TestObservationRegistry.class))
					.hasObservationWithNameEqualTo("custom.dingtalk");
			});
	}

	@Test
	void tokenExpiryGaugeCountsDownFromTheAnnouncedLifetime() {
		this.server.enqueue(token("the-token", 7200));
		internalApp().run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
			assertThat(meters.get("dingtalk.token.expiry").gauge().value()).isNaN();
			context.getBean(AccessTokenSupplier.class).getAccessToken().block(Duration.ofSeconds(30));
			assertThat(meters.get("dingtalk.token.expiry").gauge().value()).isBetween(7190.0, 7200.0);
		});
	}

	@Test
	void noTokenExpiryGaugeForAFixedToken() {
		this.runner.withPropertyValues("dingtalk.access-token=fixed").run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
			assertThat(meters.find("dingtalk.token.expiry").gauge()).isNull();
		});
	}

	@Test
	void rateLimitGaugeShowsTheCurrentRate() {
		internalApp().withPropertyValues("dingtalk.rate-limit.requests-per-second=12").run((context) -> {
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
			assertThat(meters.get("dingtalk.client.rate-limit").gauge().value()).isEqualTo(12.0);
		});
	}

	@Test
	void noRateLimiterWhenTheRateLimitIsDisabled() {
		internalApp().withPropertyValues("dingtalk.rate-limit.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(DingTalkRateLimiter.class);
			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
			assertThat(meters.find("dingtalk.client.rate-limit").gauge()).isNull();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RegistriesConfiguration {

		@Bean
		TestObservationRegistry observationRegistry() {
			return TestObservationRegistry.create();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ConventionConfiguration {

		@Bean
		DingTalkClientObservationConvention customConvention() {
			return new DefaultDingTalkClientObservationConvention() {

				@Override
				public String getName() {
					return "custom.dingtalk";
				}

				@Override
				public String getContextualName(DingTalkClientObservationContext context) {
					return "custom";
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RetryListenersConfiguration {

		final AtomicInteger first = new AtomicInteger();

		final AtomicInteger second = new AtomicInteger();

		@Bean
		RetryListener firstRetryListener() {
			return (operation, reason, attempt, delay) -> this.first.incrementAndGet();
		}

		@Bean
		RetryListener secondRetryListener() {
			return (operation, reason, attempt, delay) -> this.second.incrementAndGet();
		}

	}

}
