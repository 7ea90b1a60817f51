package io.github.dingtalkboot.sample.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded DingTalk sandbox behaves.
 *
 * @param failureRate share of sandbox answers that are 503 {@code operationTimeout}, so
 * retries show
 * @param taskDuration how long a demo task runs (each one between half and one and a half
 * times this)
 */
@ConfigurationProperties("sample.sandbox")
record SandboxProperties(@DefaultValue("0.05") double failureRate, @DefaultValue("10s") Duration taskDuration) {

}
