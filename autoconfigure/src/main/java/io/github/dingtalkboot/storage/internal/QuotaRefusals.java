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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dingtalkboot.core.DingTalkThrottledException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The corps whose quota DingTalk says is used up ({@code ApiCountLimitForOrg}): retrying
 * does not help, so their calls fail at once, nothing sent, until the next day on
 * DingTalk's clock (China Standard Time); other corps are not affected.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class QuotaRefusals {

	private static final Log logger = LogFactory.getLog(QuotaRefusals.class);

	/** DingTalk's days are China's. */
	private static final ZoneOffset DINGTALK_TIME = ZoneOffset.ofHours(8);

	private final Map<String, Refusal> refused = new ConcurrentHashMap<>();

	/**
	 * The refusal a corp's call gets now, if its quota is used up.
	 * @param corp the corp
	 * @param now the time now
	 * @return a copy of the refusal, or {@code null} when the call may go
	 */
	@Nullable DingTalkThrottledException refusal(String corp, Instant now) {
		Refusal refusal = this.refused.get(corp);
		if (refusal == null) {
			return null;
		}
		if (!now.isBefore(refusal.until())) {
			this.refused.remove(corp, refusal);
			return null;
		}
		return refusal.error().withAttempts(0);
	}

	/**
	 * Note an answer of DingTalk to a corp's call.
	 * @param corp the corp
	 * @param error what the call failed with
	 * @param now the time now
	 */
	void failed(String corp, Throwable error, Instant now) {
		if (error instanceof DingTalkThrottledException throttled && throttled.isQuotaExhausted()) {
			Instant until = LocalDate.ofInstant(now, DINGTALK_TIME).plusDays(1).atStartOfDay(DINGTALK_TIME).toInstant();
			if (this.refused.put(corp, new Refusal(throttled, until)) == null) {
				logger.warn("DingTalk says the API quota of "
						+ (corp.isEmpty() ? "this app's organisation" : "corp " + corp)
						+ " is used up; its storage calls fail at once until " + until);
			}
		}
	}

	private record Refusal(DingTalkThrottledException error, Instant until) {
	}

}
