/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.autoconfigure;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.cluster.internal.ClusterState;

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
 * @author dingtalk-spring-boot maintainers
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
