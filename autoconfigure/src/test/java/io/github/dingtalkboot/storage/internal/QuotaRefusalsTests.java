package io.github.dingtalkboot.storage.internal;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkThrottledException;

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
