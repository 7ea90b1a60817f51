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

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.cluster.internal.RedisRateLimiter;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DingTalkClusterAutoConfiguration} without a running Redis: what it adds, what it
 * needs, and how the client carries on when Redis cannot be reached.
 */
@ExtendWith(OutputCaptureExtension.class)
class DingTalkClusterAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, WebClientAutoConfiguration.class,
				DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkHealthContributorAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class))
		.withPropertyValues("dingtalk.app-key=key", "dingtalk.app-secret=app-secret-value");

	@StartStop
	private final MockWebServer server = new MockWebServer();

	@Test
	void offByDefaultTheClientKeepsItsStateToItself() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(ClusterState.class);
			assertThat(context.getBean(DingTalkRateLimiter.class)).isInstanceOf(AdaptiveRateLimiter.class);
			assertThat(context.getBean(SuiteTicketStore.class)).isInstanceOf(LocalSuiteTicketStore.class);
		});
	}

	@Test
	void offTheClientNeedsNoRedisClassAtAll() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(StorageTaskOperations.class));
	}

	@Test
	void onItSharesTheRateLimitThroughRedis() {
		this.runner.withPropertyValues("dingtalk.cluster.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(ClusterState.class);
			assertThat(context.getBean(DingTalkRateLimiter.class)).isInstanceOf(RedisRateLimiter.class);
		});
	}

	@Test
	void onWithoutSpringDataRedisStartUpFailsSayingWhatToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis", "io.lettuce"))
			.withPropertyValues("dingtalk.cluster.enabled=true")
			.run((context) -> {
				FailureAnalysis analysis = analysis(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Spring Data Redis is not on the classpath");
				assertThat(analysis.getAction()).contains("spring-boot-starter-data-redis-reactive")
					.contains("spring.data.redis.host");
			});
	}

	@Test
	void onWithoutAConnectionFactoryStartUpFailsSayingWhatToAdd() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class,
					DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.access-token=tok", "dingtalk.cluster.enabled=true")
			.run((context) -> assertThat(analysis(context.getStartupFailure()).getDescription())
				.contains("no (single) ReactiveRedisConnectionFactory"));
	}

	@Test
	void theKeysNameTheCredentialNeverItsSecret() {
		this.runner.withPropertyValues("dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=acme")
			.run((context) -> {
				DingTalkClusterAutoConfiguration.ClusterRedis redis = context
					.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class);
				assertThat(redis.credentialKeys().key("token")).isEqualTo("acme:{app:key}:token");
				assertThat(redis.credentialKeys().toString()).doesNotContain("app-secret-value");
			});
	}

	@Test
	void theSameAppAgainstAnotherDingTalkThanProductionIsKeyedApart() {
		this.runner
			.withPropertyValues("dingtalk.cluster.enabled=true", "dingtalk.base-url=https://dingtalk-test.example:8443")
			.run((context) -> assertThat(
					context.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class).credentialKeys().key("token"))
				.isEqualTo("dingtalk:{app:key@dingtalk-test.example:8443}:token"));
	}

	@Test
	void bothProductionHostsKeepTheKeysOfEarlierVersions() {
		this.runner.withPropertyValues("dingtalk.cluster.enabled=true", "dingtalk.base-url=https://api.dingtalk.com")
			.run((context) -> assertThat(
					context.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class).credentialKeys().key("token"))
				.isEqualTo("dingtalk:{app:key}:token"));
	}

	@Test
	void aFixedTokenWithoutAKeyPrefixFailsStartUpAskingForOne() {
		this.runner
			.withPropertyValues("dingtalk.app-key=", "dingtalk.app-secret=", "dingtalk.access-token=tok",
					"dingtalk.cluster.enabled=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new DingTalkClusterIdentityFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("a fixed one").contains("dingtalk.cluster.key-prefix");
				assertThat(analysis.getAction()).contains("dingtalk.cluster.key-prefix");
			});
	}

	@Test
	void aFixedTokenWithAKeyPrefixIsKeyedByThePrefix() {
		this.runner
			.withPropertyValues("dingtalk.app-key=", "dingtalk.app-secret=", "dingtalk.access-token=tok",
					"dingtalk.cluster.enabled=true", "dingtalk.cluster.keyPrefix=billing")
			.run((context) -> assertThat(
					context.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class).credentialKeys().key("token"))
				.isEqualTo("billing:{fixed-token}:token"));
	}

	@Test
	void suiteCredentialsAreKeyedBySuiteAndCorp() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DataRedisReactiveAutoConfiguration.class, WebClientAutoConfiguration.class,
					DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.cluster.enabled=true", "dingtalk.suite-key=sk", "dingtalk.suite-secret=ss",
					"dingtalk.auth-corp-id=corp-1")
			.run((context) -> {
				DingTalkClusterAutoConfiguration.ClusterRedis redis = context
					.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class);
				assertThat(redis.credentialKeys().key("token")).isEqualTo("dingtalk:{suite:sk:corp:corp-1}:token");
				assertThat(redis.suiteKeys().key("suite-ticket")).isEqualTo("dingtalk:{suite:sk}:suite-ticket");
			});
	}

	@Test
	void eachCorpOfASuiteHasItsOwnTokenKeysTheDefaultCorpKeepingThoseOfEarlierVersions() {
		suiteRunner("dingtalk.auth-corp-id=corp-1").run((context) -> {
			DingTalkClusterAutoConfiguration.ClusterRedis redis = context
				.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class);
			assertThat(redis.corpKeys("corp-1").key("token")).isEqualTo(redis.credentialKeys().key("token"));
			assertThat(redis.corpKeys("ding2").key("token")).isEqualTo("dingtalk:{suite:sk:corp:ding2}:token");
		});
	}

	@Test
	void aCorpIdCannotEndTheHashTagNorPassForAnotherKey() {
		suiteRunner().run((context) -> {
			DingTalkClusterAutoConfiguration.ClusterRedis redis = context
				.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class);
			assertThat(redis.corpKeys("a}b:c{").key("token")).isEqualTo("dingtalk:{suite:sk:corp:a%7Db%3Ac%7B}:token");
			assertThat(redis.corpKeys("公司").key("token"))
				.isEqualTo("dingtalk:{suite:sk:corp:%E5%85%AC%E5%8F%B8}:token");
		});
	}

	@Test
	void aSuiteWithoutADefaultCorpIsKeyedBySuite() {
		suiteRunner().run((context) -> assertThat(
				context.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class).credentialKeys().key("rate"))
			.isEqualTo("dingtalk:{suite:sk}:rate"));
	}

	private ApplicationContextRunner suiteRunner(String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					DataRedisReactiveAutoConfiguration.class, WebClientAutoConfiguration.class,
					DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.cluster.enabled=true", "dingtalk.suite-key=sk", "dingtalk.suite-secret=ss")
			.withPropertyValues(properties);
	}

	@Test
	void withRedisUnreachableCallsGoOnWithLocalStateAndOneWarning(CapturedOutput output) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.server.enqueue(token("tok", 7200));
		for (int i = 0; i < 5; i++) {
			this.server.enqueue(task("RUNNING", 10, i));
		}
		this.runner
			.withPropertyValues("dingtalk.cluster.enabled=true", "spring.data.redis.port=" + closedPort,
					"dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.server), "dingtalk.storage.union-id=op",
					"dingtalk.cluster.fallback-requests-per-second=7")
			.run((context) -> {
				StorageTaskOperations tasks = context.getBean(StorageTaskOperations.class);
				for (int i = 0; i < 5; i++) {
					assertThat(tasks.getTask("t" + i).block(Duration.ofSeconds(30))).isNotNull();
				}
				assertThat(context.getBean(ClusterState.class).isDegraded()).isTrue();
				assertThat(context.getBean(DingTalkRateLimiter.class).currentRate()).isEqualTo(7.0);
				Health health = context.getBean(ReactiveHealthIndicator.class).health().block(Duration.ofSeconds(30));
				assertThat(health.getStatus().getCode()).isEqualTo("UP");
				assertThat(health.getDetails()).containsEntry("cluster", "DOWN");
				SimpleMeterRegistry meters = new SimpleMeterRegistry();
				context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
				assertThat(meters.get("dingtalk.cluster.degraded").gauge().value()).isEqualTo(1.0);
			});
		assertThat(output.getAll().split("Redis does not answer", -1)).as("one WARN line per outage").hasSize(2);
		assertThat(output.getAll()).doesNotContain("app-secret-value");
	}

	private static FailureAnalysis analysis(Throwable failure) {
		FailureAnalysis analysis = new DingTalkClusterFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("failure analysis of %s", failure).isNotNull();
		return analysis;
	}

}
