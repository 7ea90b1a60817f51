package io.github.dingtalkboot.sample.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When no DingTalk credentials are configured (and {@code sample.sandbox.enabled} is not
 * {@code false}), starts the {@link SandboxDingTalk} and points the starter at it through
 * ordinary {@code dingtalk.*} properties. With
 * {@code dingtalk.app-key}/{@code app-secret} (or
 * {@code DINGTALK_APP_KEY}/{@code DINGTALK_APP_SECRET}) set, nothing happens and the app
 * talks to {@code dingtalk.base-url}.
 */
class SandboxEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String ENABLED = "sample.sandbox.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getProperty(ENABLED, Boolean.class, true) || hasCredentials(environment)) {
			return;
		}
		double failureRate = environment.getProperty("sample.sandbox.failure-rate", Double.class, 0.05);
		Duration taskDuration = environment.getProperty("sample.sandbox.task-duration", Duration.class,
				Duration.ofSeconds(10));
		SandboxDingTalk sandbox = new SandboxDingTalk(failureRate, taskDuration, Clock.systemUTC());
		SandboxHolder.register(environment, sandbox);
		environment.getPropertySources()
			.addFirst(new MapPropertySource("dingtalkSandbox",
					Map.of("dingtalk.base-url", sandbox.baseUrl(), "dingtalk.app-key", SandboxDingTalk.APP_KEY,
							"dingtalk.app-secret", SandboxDingTalk.APP_SECRET, "sample.sandbox.active", "true")));
	}

	private static boolean hasCredentials(ConfigurableEnvironment environment) {
		for (String property : new String[] { "dingtalk.app-key", "dingtalk.suite-key", "dingtalk.access-token" }) {
			String value = environment.getProperty(property);
			if (value != null && !value.isBlank()) {
				return true;
			}
		}
		return false;
	}

}
