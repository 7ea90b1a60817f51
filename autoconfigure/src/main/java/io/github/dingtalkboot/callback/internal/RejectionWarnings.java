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

package io.github.dingtalkboot.callback.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import org.apache.commons.logging.Log;

/**
 * Logs refused pushes at WARN at most once a minute per reason, with how many were
 * refused since the last warning, so that a flood of forged pushes cannot flood the log;
 * the others go to DEBUG.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class RejectionWarnings {

	private final Log logger;

	private static final Duration INTERVAL = Duration.ofMinutes(1);

	private final Clock clock;

	private final Map<Reason, Window> windows = new EnumMap<>(Reason.class);

	RejectionWarnings(Clock clock, Log logger) {
		this.logger = logger;
		this.clock = clock;
	}

	void refused(DingTalkCallbackRejectedException rejection) {
		long now = this.clock.millis();
		long silenced;
		synchronized (this.windows) {
			Window window = this.windows.get(rejection.getReason());
			if (window != null && now - window.warnedAt() < INTERVAL.toMillis() && now >= window.warnedAt()) {
				this.windows.put(rejection.getReason(), new Window(window.warnedAt(), window.silenced() + 1));
				silenced = -1;
			}
			else {
				silenced = (window != null) ? window.silenced() : 0;
				this.windows.put(rejection.getReason(), new Window(now, 0));
			}
		}
		if (silenced >= 0) {
			this.logger.warn("Refused a push to the DingTalk callback (" + rejection.getReason() + "): "
					+ rejection.getMessage()
					+ ((silenced > 0)
							? "; " + silenced + " more refused for this reason since the last warning, logged at DEBUG"
							: ""));
		}
		else if (this.logger.isDebugEnabled()) {
			this.logger.debug("Refused a push to the DingTalk callback (" + rejection.getReason() + "): "
					+ rejection.getMessage());
		}
	}

	private record Window(long warnedAt, long silenced) {

	}

}
