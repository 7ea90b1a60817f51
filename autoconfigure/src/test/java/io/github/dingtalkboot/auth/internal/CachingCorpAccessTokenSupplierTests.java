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

package io.github.dingtalkboot.auth.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.testsupport.MutableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corp token cache on its own clock: what a withdrawn authorisation costs, and when
 * the corp is asked for again.
 */
class CachingCorpAccessTokenSupplierTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T06:00:00Z"));

	private final List<String> fetched = new CopyOnWriteArrayList<>();

	private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

	private final CachingCorpAccessTokenSupplier tokens = new CachingCorpAccessTokenSupplier(
			(corpId) -> () -> Mono.fromCallable(() -> {
				this.fetched.add(corpId);
				if (this.withdrawn.contains(corpId)) {
					throw new DingTalkAuthenticationException(
							new DingTalkError(400, "invalidAuthInfo", "withdrawn", "req", null));
				}
				return new AccessToken("tok-" + corpId + "-" + this.fetched.size(), Duration.ofHours(2));
			}), 100, Duration.ofMinutes(5), this.clock);

	@Test
	void aWithdrawnCorpFailsAtOnceUntilTheBackOffEndsThenIsAskedForAgain() {
		this.withdrawn.add("corp-a");
		StepVerifier.create(this.tokens.getAccessToken("corp-a"))
			.expectError(DingTalkAuthenticationException.class)
			.verify();
		this.clock.advance(Duration.ofSeconds(29));
		StepVerifier.create(this.tokens.getAccessToken("corp-a"))
			.expectError(DingTalkAuthenticationException.class)
			.verify();
		assertThat(this.fetched).containsExactly("corp-a");

		this.withdrawn.remove("corp-a");
		this.clock.advance(Duration.ofSeconds(2));

		StepVerifier.create(this.tokens.getAccessToken("corp-a")).expectNext("tok-corp-a-2").verifyComplete();
	}

	@Test
	void aWithdrawnCorpKeepsNoTokenWhileOthersKeepTheirs() {
		this.tokens.getAccessToken("corp-a").block();
		this.tokens.getAccessToken("corp-b").block();
		assertThat(this.tokens.cachedCorps()).isEqualTo(2);
		this.withdrawn.add("corp-a");
		this.tokens.forgetCorp("corp-a");

		StepVerifier.create(this.tokens.getAccessToken("corp-a"))
			.expectError(DingTalkAuthenticationException.class)
			.verify();

		assertThat(this.tokens.cachedCorps()).isOne();
		StepVerifier.create(this.tokens.getAccessToken("corp-b")).expectNext("tok-corp-b-2").verifyComplete();
	}

	@Test
	void theFirstExpiryIsThatOfTheOldestToken() {
		this.tokens.getAccessToken("corp-a").block();
		this.clock.advance(Duration.ofMinutes(10));
		this.tokens.getAccessToken("corp-b").block();

		assertThat(this.tokens.timeToFirstExpiry()).hasValue(Duration.ofMinutes(110));
	}

	@Test
	void forgettingACorpThatWasRefusedLetsItBeAskedForAtOnce() {
		this.withdrawn.add("corp-a");
		this.tokens.getAccessToken("corp-a").onErrorComplete().block();
		this.withdrawn.remove("corp-a");

		this.tokens.forgetCorp("corp-a");

		StepVerifier.create(this.tokens.getAccessToken("corp-a")).expectNext("tok-corp-a-2").verifyComplete();
	}

}
