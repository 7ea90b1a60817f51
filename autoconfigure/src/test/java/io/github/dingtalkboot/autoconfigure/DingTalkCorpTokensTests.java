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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.testsupport.CorpsDingTalk;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corp access tokens of a third-party app serving many corps, against a fake DingTalk
 * that gives each corp its own tokens.
 */
class DingTalkCorpTokensTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private final CorpsDingTalk dingtalk = new CorpsDingTalk();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkMetricsAutoConfiguration.class))
		.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.suite-key=suite",
				"dingtalk.suite-secret=suite-secret", "dingtalk.suite-ticket=ticket");

	DingTalkCorpTokensTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.dingtalk.close();
	}

	@Test
	void corpsCalledInTurnEachGetTheirOwnToken() {
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			for (int round = 0; round < 3; round++) {
				for (String corp : List.of("corp-a", "corp-b", "corp-c")) {
					assertThat(tokens.getAccessToken(corp).block(BLOCK)).isEqualTo("tok-" + corp + "-1");
				}
			}
			assertThat(this.dingtalk.tokenRequests()).containsExactly("corp-a", "corp-b", "corp-c");
		});
	}

	@Test
	void twoHundredConcurrentCallersOverThreeColdCorpsMakeThreeTokenRequests() {
		this.dingtalk.tokenDelay(Duration.ofMillis(300));
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);

			List<String> got = Flux.range(0, 200)
				.flatMap((i) -> tokens.getAccessToken("corp-" + (i % 3)), 200)
				.collectList()
				.block(BLOCK);

			assertThat(got).hasSize(200);
			assertThat(this.dingtalk.tokenRequests()).hasSize(3)
				.containsExactlyInAnyOrder("corp-0", "corp-1", "corp-2");
		});
	}

	@Test
	void aCorpThatWithdrewItsAuthorisationFailsAloneAndIsNotAskedForAgainAtOnce() {
		this.dingtalk.withdraw("corp-b");
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);

			StepVerifier.create(tokens.getAccessToken("corp-b"))
				.expectErrorSatisfies((ex) -> assertThat(ex).isInstanceOf(DingTalkAuthenticationException.class)
					.extracting((error) -> ((DingTalkAuthenticationException) error).getErrorCode())
					.isEqualTo("invalidAuthInfo"))
				.verify(BLOCK);
			StepVerifier.create(tokens.getAccessToken("corp-b"))
				.expectError(DingTalkAuthenticationException.class)
				.verify(BLOCK);

			assertThat(tokens.getAccessToken("corp-a").block(BLOCK)).isEqualTo("tok-corp-a-1");
			assertThat(tokens.getAccessToken("corp-c").block(BLOCK)).isEqualTo("tok-corp-c-1");
			assertThat(this.dingtalk.tokenRequests()).as("corp-b asked for once")
				.containsExactly("corp-b", "corp-a", "corp-c");
		});
	}

	@Test
	void aForgottenCorpFetchesAFreshTokenAtItsNextCall() {
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			tokens.getAccessToken("corp-a").block(BLOCK);
			tokens.getAccessToken("corp-b").block(BLOCK);

			tokens.forgetCorp("corp-a");

			assertThat(tokens.getAccessToken("corp-a").block(BLOCK)).isEqualTo("tok-corp-a-2");
			assertThat(tokens.getAccessToken("corp-b").block(BLOCK)).isEqualTo("tok-corp-b-1");
		});
	}

	@Test
	void aRejectedTokenIsReplacedForItsCorpOnly() {
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			String rejected = tokens.getAccessToken("corp-a").block(BLOCK);
			tokens.getAccessToken("corp-b").block(BLOCK);

			tokens.invalidate("corp-a", rejected).block(BLOCK);

			assertThat(tokens.getAccessToken("corp-a").block(BLOCK)).isEqualTo("tok-corp-a-2");
			assertThat(tokens.getAccessToken("corp-b").block(BLOCK)).isEqualTo("tok-corp-b-1");
		});
	}

	@Test
	void atMostMaxSizeCorpsAreKeptAndAnEvictedCorpFetchesAgain() {
		this.runner.withPropertyValues("dingtalk.corp-tokens.max-size=100").run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			List<String> corps = IntStream.range(0, 300).mapToObj((i) -> "corp-" + i).toList();

			Flux.fromIterable(corps).concatMap(tokens::getAccessToken).blockLast(BLOCK);
			double cached = meters(context).get("dingtalk.corp-tokens.cached").gauge().value();
			Flux.fromIterable(corps).concatMap(tokens::getAccessToken).blockLast(BLOCK);

			assertThat(cached).isPositive().isLessThanOrEqualTo(100);
			Map<String, Long> perCorp = this.dingtalk.tokenRequests()
				.stream()
				.collect(Collectors.groupingBy((corp) -> corp, Collectors.counting()));
			assertThat(this.dingtalk.tokenRequests()).as("the evicted corps fetched again")
				.hasSizeGreaterThan(300 + 199);
			assertThat(perCorp.values()).allSatisfy((count) -> assertThat(count).isBetween(1L, 2L));
		});
	}

	@Test
	void anInvalidCorpIdFailsBeforeAnythingIsSent() {
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			for (String invalid : List.of("", " ", "corp\nx", "corp x", "c".repeat(129))) {
				StepVerifier.create(tokens.getAccessToken(invalid))
					.expectError(IllegalArgumentException.class)
					.verify(BLOCK);
			}
			assertThat(this.dingtalk.tokenRequests()).isEmpty();
		});
	}

	@Test
	void withoutADefaultCorpACallThatNamesNoCorpFailsClearlyBeforeAnythingIsSent() {
		this.runner.run((context) -> {
			StepVerifier.create(context.getBean(AccessTokenSupplier.class).getAccessToken())
				.expectErrorSatisfies((ex) -> assertThat(ex).isExactlyInstanceOf(DingTalkException.class)
					.hasMessageContaining("dingtalk.auth-corp-id")
					.hasMessageContaining("forCorp"))
				.verify(BLOCK);
			assertThat(this.dingtalk.tokenRequests()).isEmpty();
		});
	}

	@Test
	void theDefaultCorpSharesItsTokenWithTheCorpCache() {
		this.runner.withPropertyValues("dingtalk.auth-corp-id=corp-a").run((context) -> {
			assertThat(context.getBean(AccessTokenSupplier.class).getAccessToken().block(BLOCK))
				.isEqualTo("tok-corp-a-1");
			assertThat(context.getBean(CorpAccessTokenSupplier.class).getAccessToken("corp-a").block(BLOCK))
				.isEqualTo("tok-corp-a-1");
			assertThat(this.dingtalk.tokenRequests()).containsExactly("corp-a");
		});
	}

	@Test
	void theTokenExpiryGaugeCarriesNoCorpTag() {
		this.runner.run((context) -> {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			tokens.getAccessToken("corp-a").block(BLOCK);
			tokens.getAccessToken("corp-b").block(BLOCK);

			MeterRegistry meters = meters(context);
			assertThat(meters.find("dingtalk.token.expiry").gauges()).singleElement().satisfies((gauge) -> {
				assertThat(gauge.getId().getTags()).isEmpty();
				assertThat(gauge.value()).isBetween(7000.0, 7200.0);
			});
			assertThat(meters.get("dingtalk.corp-tokens.cached").gauge().value()).isEqualTo(2);
		});
	}

	/** The registry the application's meter binders bind to, as Boot's metrics would. */
	private static MeterRegistry meters(ApplicationContext context) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		context.getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
		return meters;
	}

	@Test
	void emptySuitePropertiesBesideAnInternalAppAreNoThirdPartyApp() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.app-key=key",
					"dingtalk.app-secret=secret", "dingtalk.suite-key=", "dingtalk.suite-secret=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(CorpAccessTokenSupplier.class);
			});
	}

	@Test
	void anInternalAppHasNoCorpTokens() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class))
			.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.app-key=key",
					"dingtalk.app-secret=secret")
			.run((context) -> assertThat(context).doesNotHaveBean(CorpAccessTokenSupplier.class));
	}

}
