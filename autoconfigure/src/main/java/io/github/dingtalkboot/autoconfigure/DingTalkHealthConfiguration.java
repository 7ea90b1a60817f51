package io.github.dingtalkboot.autoconfigure;

import io.github.dingtalkboot.auth.AccessTokenSupplier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code dingtalk} health indicator, when Spring Boot's health support is present.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.ReactiveHealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
class DingTalkHealthConfiguration {

	// nested, so the condition below is only read once the health classes are known to be
	// present
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("dingtalk")
	static class IndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingtalkHealthIndicator")
		ReactiveHealthIndicator dingtalkHealthIndicator(AccessTokenSupplier accessTokenSupplier) {
			return new DingTalkHealthIndicator(accessTokenSupplier);
		}

	}

}
