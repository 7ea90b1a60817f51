package io.github.dingtalkboot.sample.sandbox;

import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second instance of the sample uses the sandbox of the first
 * ({@code --sample.sandbox.join=<its URL>}, which the first logs at start-up), so that
 * two instances share one DingTalk, and with {@code dingtalk.cluster.enabled=true} one
 * Redis.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(JoinedSandboxConfiguration.JOIN)
class JoinedSandboxConfiguration {

	static final String JOIN = "sample.sandbox.join";

	@Bean
	DingTalkConnectionDetails joinedSandboxConnectionDetails(@Value("${" + JOIN + "}") String baseUrl) {
		return SandboxConfiguration.connectionDetails(baseUrl);
	}

	@Bean
	SuiteTicketPush joinedSandboxSuiteTicketPush(SuiteTicketStore store) {
		return SuiteTicketPush.of(store);
	}

}
