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

package io.github.dingtalkboot.storage.internal;

import java.time.Instant;

import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A used-up quota refuses its corp's calls until the next day on DingTalk's clock.
 */
class QuotaRefusalsTests {

	private final QuotaRefusals quotas = new QuotaRefusals();

	private final DingTalkThrottledException quota = new DingTalkThrottledException(
			new DingTalkError(403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota", "req", null));

	@Test
	void aUsedUpQuotaRefusesTheCorpUntilMidnightInChina() {
		// 23:30 in China
		this.quotas.failed("corp-a", this.quota, Instant.parse("2026-12-06T15:30:00Z"));

		assertThat(this.quotas.refusal("corp-a", Instant.parse("2026-12-06T15:59:59Z"))).isNotNull()
			.satisfies((refusal) -> assertThat(refusal.isQuotaExhausted()).isTrue());
		assertThat(this.quotas.refusal("corp-a", Instant.parse("2026-12-06T16:00:00Z"))).isNull();
	}

	@Test
	void otherCorpsAndOtherFailuresAreNotRefused() {
		Instant now = Instant.parse("2026-12-06T06:00:00Z");
		this.quotas.failed("corp-a", this.quota, now);
		this.quotas.failed("corp-b",
				new DingTalkThrottledException(
						new DingTalkError(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps", "req", null)),
				now);

		assertThat(this.quotas.refusal("corp-b", now)).isNull();
	}

	@Test
	void eachCallerGetsItsOwnCopyOfTheRefusal() {
		Instant now = Instant.parse("2026-12-06T06:00:00Z");
		this.quotas.failed("corp-a", this.quota, now);

		assertThat(this.quotas.refusal("corp-a", now)).isNotSameAs(this.quotas.refusal("corp-a", now))
			.isNotSameAs(this.quota);
	}

}
