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
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.auth.SuiteTicketSupplier;
import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.BlockingStorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTimeoutException;
import io.github.dingtalkboot.storage.internal.StorageTaskClient;
import io.github.dingtalkboot.storage.internal.StorageTaskSettings;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.NeverEndingStorageTaskOperations;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.util.ReflectionTestUtils;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link DingTalkAutoConfiguration}: which beans each configuration gives, user
 * overrides, and the start-up failures for bad credentials.
 */
class DingTalkAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class));

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void internalAppCredentialsGiveACachingTokenSupplierAndStorageOperations() {
		this.runner.withPropertyValues("dingtalk.app-key=key", "dingtalk.app-secret=secret").run((context) -> {
			assertThat(context).hasSingleBean(StorageTaskOperations.class);
			assertThat(context).getBean(StorageTaskOperations.class).isInstanceOf(StorageTaskClient.class);
			assertThat(context).getBean(AccessTokenSupplier.class).isInstanceOf(CachingAccessTokenSupplier.class);
			assertThat(context).getBean(AccessTokenSupplier.class).asString().contains("InternalAppAccessTokenFetcher");
		});
	}

	@Test
	void internalAppCallsGoThroughTheTokenEndpointThenTheStorageApi() {
		this.server.enqueue(token("issued-token", 7200));
		this.server.enqueue(task("SUCCESS", 2, 2));
		this.server.enqueue(task("SUCCESS", 2, 2));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server), "dingtalk.app-key=key",
					"dingtalk.app-secret=secret", "dingtalk.storage.union-id=op-1")
			.run((context) -> {
				StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
				StorageTask task = operations.getTask("t-1").block(Duration.ofSeconds(30));
				operations.getTask("t-1").block(Duration.ofSeconds(30));
				assertThat(task.totalCount()).isEqualTo(2);
				assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getTarget())
					.isEqualTo("/v1.0/oauth2/accessToken");
				RecordedRequest call = this.server.takeRequest(30, TimeUnit.SECONDS);
				assertThat(call.getTarget()).isEqualTo("/v1.0/storage/tasks/t-1?unionId=op-1");
				assertThat(call.getHeaders().get("x-acs-dingtalk-access-token")).isEqualTo("issued-token");
				assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getTarget())
					.startsWith("/v1.0/storage/tasks/");
				assertThat(this.server.getRequestCount()).as("the token is cached").isEqualTo(3);
			});
	}

	@Test
	void aConnectionDetailsBeanAloneIsEnoughToConnect() {
		this.server.enqueue(token("issued-token", 7200));
		this.server.enqueue(task("SUCCESS", 2, 2));
		DingTalkConnectionDetails details = new DingTalkConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return DingTalkTestClients.baseUrl(DingTalkAutoConfigurationTests.this.server);
			}

			@Override
			public DingTalkCredentials getCredentials() {
				return DingTalkCredentials.internalApp("details-key", "details-secret");
			}

		};
		this.runner.withBean(DingTalkConnectionDetails.class, () -> details)
			.withPropertyValues("dingtalk.storage.union-id=op-1")
			.run((context) -> {
				context.getBean(StorageTaskOperations.class).getTask("t-1").block(Duration.ofSeconds(30));
				RecordedRequest tokenRequest = this.server.takeRequest(30, TimeUnit.SECONDS);
				assertThat(tokenRequest.getBody().utf8()).contains("\"appKey\":\"details-key\"")
					.contains("\"appSecret\":\"details-secret\"");
			});
	}

	@Test
	void connectionDetailsCredentialsBeatTheDingTalkProperties() {
		this.runner
			.withBean(DingTalkConnectionDetails.class,
					() -> connectionDetails("http://localhost:1", DingTalkCredentials.fixedToken("from-details")))
			.withPropertyValues("dingtalk.app-key=key", "dingtalk.app-secret=secret")
			.run((context) -> assertThat(context.getBean(AccessTokenSupplier.class))
				.isInstanceOf(FixedAccessTokenSupplier.class));
	}

	@Test
	void connectionDetailsWithoutCredentialsLeaveThemToTheDingTalkProperties() {
		this.runner.withBean(DingTalkConnectionDetails.class, () -> connectionDetails("http://localhost:1", null))
			.withPropertyValues("dingtalk.access-token=tok")
			.run((context) -> assertThat(context.getBean(AccessTokenSupplier.class))
				.isInstanceOf(FixedAccessTokenSupplier.class));
	}

	@Test
	void thePropertiesConnectionDetailsCarryThePropertiesCredentials() {
		this.runner
			.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=c1",
					"dingtalk.suite-ticket=t")
			.run((context) -> assertThat(context.getBean(DingTalkConnectionDetails.class).getCredentials())
				.isEqualTo(DingTalkCredentials.thirdPartyApp("sk", "ss", "c1")));
	}

	@Test
	void credentialsNeverShowASecretOrTokenInToString() {
		assertThat(DingTalkCredentials.internalApp("key", "app-secret-value")).asString()
			.contains("key")
			.doesNotContain("app-secret-value");
		assertThat(DingTalkCredentials.thirdPartyApp("sk", "suite-secret-value", "c1")).asString()
			.contains("sk")
			.doesNotContain("suite-secret-value");
		assertThat(DingTalkCredentials.fixedToken("token-value")).asString().doesNotContain("token-value");
	}

	private static DingTalkConnectionDetails connectionDetails(String baseUrl,
			@Nullable DingTalkCredentials credentials) {
		return new DingTalkConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return baseUrl;
			}

			@Override
			public @Nullable DingTalkCredentials getCredentials() {
				return credentials;
			}

		};
	}

	@Test
	void aUserRateLimiterReplacesOursAndPacesTheStorageCalls() {
		this.server.enqueue(task("SUCCESS", 2, 2));
		CountingRateLimiter limiter = new CountingRateLimiter();
		this.runner.withBean(DingTalkRateLimiter.class, () -> limiter)
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.access-token=tok", "dingtalk.storage.union-id=op-1")
			.run((context) -> {
				assertThat(context.getBean(DingTalkRateLimiter.class)).isSameAs(limiter);
				context.getBean(StorageTaskOperations.class).getTask("t-1").block(Duration.ofSeconds(30));
				assertThat(limiter.acquired).hasValue(1);
				assertThat(limiter.succeeded).hasValue(1);
			});
	}

	@Test
	void aBlockingStorageTaskOperationsBeanSitsNextToTheReactiveOne() {
		this.server.enqueue(task("SUCCESS", 2, 2));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.access-token=tok", "dingtalk.storage.union-id=op-1")
			.run((context) -> {
				assertThat(context).hasSingleBean(BlockingStorageTaskOperations.class);
				assertThat(context.getBean(BlockingStorageTaskOperations.class).getTask("t-1").totalCount())
					.isEqualTo(2);
			});
	}

	@Test
	void aUserBlockingStorageTaskOperationsReplacesTheStartersOne() {
		BlockingStorageTaskOperations own = BlockingStorageTaskOperations.of(new NeverEndingStorageTaskOperations(),
				Duration.ofSeconds(1), Duration.ofSeconds(1));
		this.runner.withPropertyValues("dingtalk.access-token=tok")
			.withBean(BlockingStorageTaskOperations.class, () -> own)
			.run((context) -> assertThat(context.getBean(BlockingStorageTaskOperations.class)).isSameAs(own));
	}

	@Test
	void theBlockingCallTimeoutCoversEveryAttemptOfATokenFetchAndOfTheCall() {
		this.runner
			.withPropertyValues("dingtalk.access-token=tok", "dingtalk.http.response-timeout=10s",
					"dingtalk.retry.max-attempts=3", "dingtalk.retry.max-backoff=5s")
			.run((context) -> assertThat(DingTalkAutoConfiguration.blockingCallTimeout(
					context.getBean(DingTalkHttpClient.class), context.getBean(DingTalkProperties.class)))
				.isEqualTo(Duration.ofSeconds(90)));
	}

	@Test
	void anUnknownSslBundleStopsStartUpNamingIt() {
		this.runner.withPropertyValues("dingtalk.access-token=tok", "dingtalk.http.ssl.bundle=missing")
			.withConfiguration(
					AutoConfigurations.of(org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration.class))
			.run((context) -> assertThat(context).getFailure().rootCause().hasMessageContaining("missing"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			dingtalk.http.connect-timeout          | -1s
			dingtalk.http.response-timeout         | 0s
			dingtalk.http.max-connections          | 0
			dingtalk.token.refresh-before-expiry   | -5m
			dingtalk.storage.poll.initial-interval | 0ms
			dingtalk.storage.poll.max-interval     | 100ms
			dingtalk.storage.poll.multiplier       | 0.5
			dingtalk.storage.await-timeout         | -1m
			dingtalk.rate-limit.requests-per-second| 0
			dingtalk.retry.max-attempts            | 0
			dingtalk.retry.initial-backoff         | -1ms
			dingtalk.retry.multiplier              | 0.9
			dingtalk.retry.jitter                  | 1.5
			dingtalk.retry.statuses                | 200
			dingtalk.retry.budget.token-ratio      | 0
			dingtalk.shutdown.grace-period         | -1s
			""")
	void anInvalidValueStopsStartUpNamingTheProperty(String property, String value) {
		this.runner.withPropertyValues("dingtalk.access-token=tok", property.strip() + "=" + value.strip())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining(property.strip()));
	}

	@Test
	void theDefaultsAreValid() {
		this.runner.withPropertyValues("dingtalk.access-token=tok")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theClientIsClosedWithTheContext() {
		this.runner.withPropertyValues("dingtalk.access-token=tok").run((context) -> {
			DingTalkHttpClient http = context.getBean(DingTalkHttpClient.class);
			assertThat(http.isClosed()).isFalse();
			context.close();
			assertThat(http.isClosed()).isTrue();
		});
	}

	@Test
	void pollingAndAwaitPropertiesReachTheClient() {
		this.runner
			.withPropertyValues("dingtalk.access-token=fixed", "dingtalk.storage.union-id=op",
					"dingtalk.storage.poll.initial-interval=20ms", "dingtalk.storage.poll.max-interval=40ms",
					"dingtalk.storage.poll.multiplier=1.2", "dingtalk.storage.await-timeout=1s")
			.run((context) -> {
				StorageTaskSettings settings = (StorageTaskSettings) ReflectionTestUtils
					.getField(context.getBean(StorageTaskOperations.class), "settings");
				assertThat(settings).isEqualTo(StorageTaskSettings.builder()
					.defaultUnionId("op")
					.poll(Duration.ofMillis(20), Duration.ofMillis(40), 1.2)
					.awaitTimeout(Duration.ofSeconds(1))
					.build());
			});
	}

	@Test
	void awaitTaskWithoutATimeoutWaitsTheConfiguredAwaitTimeout() {
		this.server.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public mockwebserver3.MockResponse dispatch(RecordedRequest request) {
				return task("IN_PROGRESS", 2, 1);
			}
		});
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.access-token=fixed", "dingtalk.storage.union-id=op", "dingtalk.storage.await-timeout=1s")
			.run((context) -> org.assertj.core.api.Assertions
				.assertThatExceptionOfType(StorageTaskTimeoutException.class)
				.isThrownBy(
						() -> context.getBean(StorageTaskOperations.class).awaitTask("t").block(Duration.ofSeconds(30)))
				.withMessageContaining("within PT1S"));
	}

	@Test
	void thirdPartyAppCredentialsGiveACorpTokenSupplier() {
		this.runner
			.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=corp",
					"dingtalk.suite-ticket=ticket")
			.run((context) -> {
				assertThat(context).hasSingleBean(SuiteTicketSupplier.class);
				assertThat(context).hasSingleBean(CorpAccessTokenSupplier.class);
				assertThat(context).getBean(AccessTokenSupplier.class).asString().contains("corpId=corp");
			});
	}

	@Test
	void aSuiteTicketSupplierBeanStandsInForTheSuiteTicketProperty() {
		this.runner.withUserConfiguration(TicketConfiguration.class)
			.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=corp")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(SuiteTicketSupplier.class).isSameAs(context.getBean("pushedTicket"));
			});
	}

	@Test
	void aFixedTokenGivesAFixedTokenSupplier() {
		this.runner.withPropertyValues("dingtalk.access-token=fixed")
			.run((context) -> assertThat(context).getBean(AccessTokenSupplier.class)
				.isInstanceOf(FixedAccessTokenSupplier.class));
	}

	@Test
	void aUserAccessTokenSupplierReplacesOursAndNeedsNoCredentials() {
		this.runner.withUserConfiguration(UserTokenConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(AccessTokenSupplier.class).isSameAs(context.getBean("userTokens"));
			assertThat(context).hasSingleBean(StorageTaskOperations.class);
		});
	}

	@Test
	void aUserStorageTaskOperationsReplacesOurs() {
		this.runner.withUserConfiguration(UserOperationsConfiguration.class)
			.withPropertyValues("dingtalk.access-token=fixed")
			.run((context) -> assertThat(context).getBean(StorageTaskOperations.class)
				.isSameAs(context.getBean("userOperations")));
	}

	@Test
	void enabledFalseCreatesNoBeanAtAll() {
		this.runner.withPropertyValues("dingtalk.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(StorageTaskOperations.class);
			assertThat(context).doesNotHaveBean(AccessTokenSupplier.class);
			assertThat(context).doesNotHaveBean(DingTalkHttpClient.class);
			assertThat(context).doesNotHaveBean(DingTalkProperties.class);
		});
	}

	@Test
	void theClientIsBuiltFromBootsWebClientBuilderSoItsCustomizersApply() {
		this.server.enqueue(task("INIT", 0, 0));
		this.runner.withUserConfiguration(CustomizerConfiguration.class)
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.access-token=fixed")
			.run((context) -> {
				context.getBean(StorageTaskOperations.class).getTask("t", "u").block(Duration.ofSeconds(30));
				assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getHeaders().get("X-From-Customizer"))
					.isEqualTo("yes");
			});
	}

	@Test
	void noCredentialsFailStartUpNamingTheProperties() {
		this.runner.run((context) -> assertThat(analysis(context.getStartupFailure())).satisfies((analysis) -> {
			assertThat(analysis.getDescription()).contains("No DingTalk credentials");
			assertThat(analysis.getAction()).contains("dingtalk.app-key", "dingtalk.app-secret", "dingtalk.suite-key",
					"dingtalk.access-token", "AccessTokenSupplier");
		}));
	}

	@Test
	void appKeyWithoutAppSecretFailsStartUpNamingTheMissingProperty() {
		this.runner.withPropertyValues("dingtalk.app-key=key")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.isEqualTo("Set dingtalk.app-secret."));
	}

	@Test
	void appSecretWithoutAppKeyFailsStartUpNamingTheMissingProperty() {
		this.runner.withPropertyValues("dingtalk.app-secret=s")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.isEqualTo("Set dingtalk.app-key."));
	}

	@Test
	void incompleteSuiteCredentialsFailStartUpNamingEveryMissingProperty() {
		this.runner.withPropertyValues("dingtalk.auth-corp-id=corp")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getAction())
				.isEqualTo("Set dingtalk.suite-key and dingtalk.suite-secret."));
	}

	@Test
	void anInvalidDefaultCorpIdFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=a b")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("dingtalk.auth-corp-id"));
	}

	@Test
	void aSuiteTicketSavedInTheStoreIsUsedForTheCorpToken() {
		this.server.enqueue(token("corp-token", 7200));
		this.runner
			.withPropertyValues("dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server),
					"dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=corp",
					"dingtalk.suite-ticket=configured")
			.run((context) -> {
				context.getBean(SuiteTicketStore.class).save("pushed").block(Duration.ofSeconds(5));
				assertThat(context.getBean(AccessTokenSupplier.class).getAccessToken().block(Duration.ofSeconds(30)))
					.isEqualTo("corp-token");
				assertThat(this.server.takeRequest(30, TimeUnit.SECONDS).getBody().utf8())
					.contains("\"suiteTicket\":\"pushed\"");
			});
	}

	@Test
	void beforeAnyTicketIsSavedTheConfiguredOneIsUsed() {
		this.runner
			.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=corp",
					"dingtalk.suite-ticket=configured")
			.run((context) -> assertThat(
					context.getBean(SuiteTicketSupplier.class).getSuiteTicket().block(Duration.ofSeconds(5)))
				.isEqualTo("configured"));
	}

	@Test
	void withoutAnyTicketTheCorpTokenFetchFailsSayingHowToSupplyOne() {
		this.runner
			.withPropertyValues("dingtalk.suite-key=sk", "dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=corp")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThatExceptionOfType(DingTalkException.class).isThrownBy(
						() -> context.getBean(AccessTokenSupplier.class).getAccessToken().block(Duration.ofSeconds(30)))
					.withMessageContaining("SuiteTicketStore.save")
					.withMessageContaining("dingtalk.suite-ticket");
				assertThat(this.server.getRequestCount()).isZero();
			});
	}

	@Test
	void internalAndSuiteCredentialsTogetherFailStartUp() {
		this.runner
			.withPropertyValues("dingtalk.app-key=key", "dingtalk.app-secret=secret", "dingtalk.suite-key=sk",
					"dingtalk.suite-secret=ss", "dingtalk.auth-corp-id=c", "dingtalk.suite-ticket=t")
			.run((context) -> assertThat(analysis(context.getStartupFailure()))
				.satisfies((analysis) -> assertThat(analysis.getDescription()).contains("Conflicting credentials",
						"dingtalk.app-*", "dingtalk.suite-*")));
	}

	@Test
	void aFixedTokenWithAppCredentialsFailsStartUp() {
		this.runner.withPropertyValues("dingtalk.access-token=t", "dingtalk.app-key=key", "dingtalk.app-secret=secret")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("Conflicting credentials", "dingtalk.access-token", "dingtalk.app-*"));
	}

	@Test
	void failureMessagesNeverShowSecrets() {
		this.runner.withPropertyValues("dingtalk.app-secret=very-secret", "dingtalk.access-token=token-value")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("very-secret",
						"token-value");
			});
	}

	@Test
	void propertiesToStringMasksEverySecret() {
		this.runner.withUserConfiguration(UserTokenConfiguration.class)
			.withPropertyValues("dingtalk.app-key=visible-key", "dingtalk.app-secret=s1", "dingtalk.suite-secret=s2",
					"dingtalk.suite-ticket=s3", "dingtalk.access-token=s4")
			.run((context) -> {
				String text = context.getBean(DingTalkProperties.class).toString();
				assertThat(text).contains("visible-key").doesNotContain("=s1", "=s2", "=s3", "=s4");
			});
	}

	private static FailureAnalysis analysis(Throwable failure) {
		FailureAnalysis analysis = new DingTalkCredentialsFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

	static final class CountingRateLimiter implements DingTalkRateLimiter {

		final AtomicInteger acquired = new AtomicInteger();

		final AtomicInteger succeeded = new AtomicInteger();

		@Override
		public Mono<Void> acquire() {
			return Mono.fromRunnable(this.acquired::incrementAndGet);
		}

		@Override
		public void onSuccess() {
			this.succeeded.incrementAndGet();
		}

		@Override
		public void onThrottled() {
		}

		@Override
		public double currentRate() {
			return 1;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TicketConfiguration {

		@Bean
		SuiteTicketSupplier pushedTicket() {
			return () -> Mono.just("pushed");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTokenConfiguration {

		@Bean
		AccessTokenSupplier userTokens() {
			return new FixedAccessTokenSupplier("mine");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserOperationsConfiguration {

		@Bean
		StorageTaskOperations userOperations() {
			return org.mockito.Mockito.mock(StorageTaskOperations.class);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizerConfiguration {

		@Bean
		WebClientCustomizer headerCustomizer() {
			return (builder) -> builder.defaultHeader("X-From-Customizer", "yes");
		}

	}

}
