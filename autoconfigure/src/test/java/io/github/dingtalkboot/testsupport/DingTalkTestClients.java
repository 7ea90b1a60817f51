package io.github.dingtalkboot.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import mockwebserver3.MockWebServer;

import io.github.dingtalkboot.core.DingTalkHttpClient;
import io.github.dingtalkboot.core.HttpSettings;
import io.github.dingtalkboot.core.RetryBudget;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.RetryPolicy;
import io.github.dingtalkboot.core.RetrySettings;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Clients pointed at a test server, with short delays so tests run fast.
 */
public final class DingTalkTestClients {

	private DingTalkTestClients() {
	}

	public static String baseUrl(MockWebServer server) {
		return "http://" + server.getHostName() + ":" + server.getPort();
	}

	/** Retries as by default, but with millisecond delays. */
	public static RetrySettings fastRetries() {
		return new RetrySettings(true, 3, Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.5, Set.of(500, 503),
				Duration.ofMillis(300), Duration.ofSeconds(1));
	}

	public static DingTalkHttpClient http(MockWebServer server) {
		return http(server, fastRetries(), HttpSettings.defaults());
	}

	public static DingTalkHttpClient http(MockWebServer server, RetrySettings retry, HttpSettings settings) {
		return DingTalkHttpClient.create(WebClient.builder(), baseUrl(server), settings,
				new RetryPolicy(retry, RetryBudget.unlimited(), Clock.systemUTC(), RetryListener.NONE));
	}

}
