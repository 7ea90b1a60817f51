package io.github.dingtalkboot.core.internal;

import java.time.Duration;

import reactor.core.scheduler.Scheduler;

/**
 * The in-process rate limiter on a scheduler of a test's choosing (a virtual-time one),
 * for tests outside this package.
 */
public final class VirtualRateLimiters {

	private VirtualRateLimiters() {
	}

	public static AdaptiveRateLimiter on(double requestsPerSecond, Scheduler scheduler) {
		return new AdaptiveRateLimiter(requestsPerSecond, scheduler);
	}

	public static AdaptiveRateLimiter on(double requestsPerSecond, Duration maxWait, Scheduler scheduler) {
		return new AdaptiveRateLimiter(requestsPerSecond, maxWait, scheduler);
	}

}
