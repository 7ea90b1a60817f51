package io.github.dingtalkboot.core.internal;

import java.time.Duration;

/**
 * How the client connects to DingTalk.
 *
 * @param connectTimeout the bound for opening a connection
 * @param responseTimeout the bound for one attempt to get an answer
 * @param maxConnections the size of the connection pool
 * @param maxPendingAcquires how many requests may wait for a pooled connection
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
		int maxPendingAcquires) {

	/**
	 * Check the settings.
	 */
	public HttpSettings {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
				|| responseTimeout.isZero()) {
			throw new IllegalArgumentException("connectTimeout and responseTimeout must be positive");
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException("maxConnections must be at least 1");
		}
	}

}
