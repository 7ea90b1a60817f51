package io.github.dingtalkboot.core;

import java.time.Duration;

/**
 * How the client connects to DingTalk.
 *
 * @param connectTimeout the bound for opening a connection
 * @param responseTimeout the bound for one attempt to get an answer
 * @param maxConnections the size of the connection pool
 * @param maxPendingAcquires how many requests may wait for a pooled connection
 * @since 0.1.0
 */
public record HttpSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections,
		int maxPendingAcquires) {

	/**
	 * Check the settings.
	 */
	public HttpSettings {
		if (connectTimeout.isNegative() || connectTimeout.isZero() || responseTimeout.isNegative()
				|| responseTimeout.isZero()) {
			throw new IllegalArgumentException("dingtalk.http timeouts must be positive");
		}
		if (maxConnections < 1) {
			throw new IllegalArgumentException("dingtalk.http.max-connections must be at least 1");
		}
	}

	/**
	 * The defaults: 5s to connect, 10s per attempt, 50 connections, 10,000 waiting
	 * requests.
	 * @return the default settings
	 */
	public static HttpSettings defaults() {
		return new HttpSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 50, 10_000);
	}

}
