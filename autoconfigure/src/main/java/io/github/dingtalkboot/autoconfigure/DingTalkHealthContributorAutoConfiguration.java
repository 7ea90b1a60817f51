package io.github.dingtalkboot.autoconfigure;

import io.github.dingtalkboot.cluster.internal.ClusterState;

import io.github.dingtalkboot.auth.AccessTokenSupplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code dingtalk} health indicator, when Spring Boot's health
 * support is present and the DingTalk client is configured. Declare a bean named
 * {@code dingtalkHealthIndicator} to replace it;
 * {@code management.health.dingtalk.enabled=false} turns it off.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.ReactiveHealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(AccessTokenSupplier.class)
public final class DingTalkHealthContributorAutoConfiguration {

	// nested, so the condition below is only read once the health classes are known to be
	// present
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("dingtalk")
	static class IndicatorConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "dingtalkHealthIndicator")
		ReactiveHealthIndicator dingtalkHealthIndicator(AccessTokenSupplier accessTokenSupplier,
				ObjectProvider<ClusterState> clusterState) {
			ClusterState cluster = clusterState.getIfAvailable();
			return (cluster != null)
					? new DingTalkHealthIndicator(accessTokenSupplier, cluster::isDegraded, cluster::refusal)
					: new DingTalkHealthIndicator(accessTokenSupplier);
		}

	}

}
