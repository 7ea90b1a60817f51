package io.github.dingtalkboot.sample.sandbox;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The sandbox's beans, only while the sandbox is on.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("sample.sandbox.active")
class SandboxConfiguration {

	@Bean(destroyMethod = "close")
	SandboxDingTalk sandboxDingTalk(Environment environment) {
		return SandboxHolder.take(environment);
	}

}
