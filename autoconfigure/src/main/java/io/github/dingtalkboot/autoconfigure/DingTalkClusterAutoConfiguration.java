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

import java.time.Duration;

import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.auth.internal.CorpTokenStores;
import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.auth.internal.SharedTokenStore;
import io.github.dingtalkboot.callback.internal.CallbackLedger;
import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.cluster.internal.RedisCallbackLedger;
import io.github.dingtalkboot.cluster.internal.RedisCheck;
import io.github.dingtalkboot.cluster.internal.RedisKeys;
import io.github.dingtalkboot.cluster.internal.RedisRateLimiter;
import io.github.dingtalkboot.cluster.internal.RedisSharedTokenStore;
import io.github.dingtalkboot.cluster.internal.RedisSuiteTicketStore;
import io.github.dingtalkboot.cluster.internal.RedisTrackedTaskStore;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import io.github.dingtalkboot.storage.internal.TrackedTaskStore;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the state several instances of an application share through Redis
 * when {@code dingtalk.cluster.enabled=true}: the access token (behind each instance's
 * own cache), the suite ticket, the storage rate limit and the tracked storage tasks. It
 * runs before {@link DingTalkAutoConfiguration}, whose in-process beans then step aside.
 * Without the property nothing here is loaded, Redis classes included.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@AutoConfiguration(before = DingTalkAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass(value = { WebClient.class, HttpClient.class, Mono.class },
		name = "org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder")
@ConditionalOnBooleanProperty(name = "dingtalk.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("dingtalk.cluster.enabled")
@EnableConfigurationProperties(DingTalkProperties.class)
public final class DingTalkClusterAutoConfiguration {

	private static final String KEY_PREFIX = "dingtalk.cluster.key-prefix";

	private static final String REDIS_CONNECTION_FACTORY = "org.springframework.data.redis.connection.ReactiveRedisConnectionFactory";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(REDIS_CONNECTION_FACTORY)
	static class WithoutSpringDataRedis {

		@Bean
		ClusterState dingTalkClusterState() {
			throw new DingTalkClusterUnavailableException("Spring Data Redis is not on the classpath.");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = REDIS_CONNECTION_FACTORY)
	static class OnRedis {

		@Bean
		ClusterState dingTalkClusterState(DingTalkProperties properties) {
			return new ClusterState(properties.getCluster().getTimeout());
		}

		@Bean
		ClusterRedis dingTalkClusterRedis(ObjectProvider<ReactiveRedisConnectionFactory> connectionFactory,
				DingTalkConnectionDetails connectionDetails, DingTalkProperties properties, Environment environment) {
			ReactiveRedisConnectionFactory factory = connectionFactory.getIfUnique();
			if (factory == null) {
				throw new DingTalkClusterUnavailableException(
						"there is no (single) ReactiveRedisConnectionFactory bean.");
			}
			String prefix = properties.getCluster().getKeyPrefix();
			DingTalkCredentials credentials = ClusterIdentity.credentials(connectionDetails, properties);
			String baseUrl = connectionDetails.getBaseUrl();
			String identity = ClusterIdentity.of(credentials, baseUrl);
			if (identity == null) {
				if (!Binder.get(environment).bind(KEY_PREFIX, String.class).isBound()) {
					throw new DingTalkClusterIdentityException("the access token is "
							+ ((credentials instanceof DingTalkCredentials.FixedToken) ? "a fixed one"
									: "from the application's own AccessTokenSupplier")
							+ ", so no app key names this application, and " + KEY_PREFIX + " is not set.");
				}
				identity = ClusterIdentity.anonymous(credentials);
			}
			String suiteKey = (credentials instanceof DingTalkCredentials.ThirdPartyApp app) ? app.suiteKey() : null;
			return new ClusterRedis(new ReactiveStringRedisTemplate(factory), new RedisKeys(prefix, identity),
					new RedisKeys(prefix, ClusterIdentity.ofSuite(credentials, baseUrl)), prefix, suiteKey, baseUrl);
		}

		@Bean
		DingTalkClusterCheck dingTalkClusterCheck(ClusterState state, ObjectProvider<RedisCheck> checks,
				DingTalkProperties properties) {
			// every check is bounded by the cluster's timeout (5 s until Redis first
			// answers); they run side by side
			Duration bound = properties.getCluster().getTimeout().plusSeconds(10);
			return new DingTalkClusterCheck(state, checks, bound);
		}

		@Bean
		@ConditionalOnMissingBean
		SharedTokenStore dingTalkSharedTokenStore(ClusterRedis redis, ClusterState state) {
			return new RedisSharedTokenStore(redis.template(), redis.credentialKeys(), state);
		}

		@Bean
		@ConditionalOnMissingBean
		CorpTokenStores dingTalkCorpTokenStores(ClusterRedis redis, ClusterState state) {
			return (corpId) -> new RedisSharedTokenStore(redis.template(), redis.corpKeys(corpId), state);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "dingtalk.rate-limit.enabled", matchIfMissing = true)
		DingTalkRateLimiter dingTalkStorageRateLimiter(ClusterRedis redis, ClusterState state,
				DingTalkProperties properties) {
			return new RedisRateLimiter(redis.template(), redis.credentialKeys(),
					properties.getRateLimit().getRequestsPerSecond(), properties.getRateLimit().getMaxWait(), state,
					new AdaptiveRateLimiter(properties.getCluster().getFallbackRequestsPerSecond(),
							properties.getRateLimit().getMaxWait()));
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBooleanProperty(name = "dingtalk.tracker.enabled", matchIfMissing = true)
		TrackedTaskStore dingTalkTrackedTaskStore(ClusterRedis redis, ClusterState state,
				DingTalkProperties properties) {
			return new RedisTrackedTaskStore(redis.template(), redis.credentialKeys(), state,
					properties.getTracker().getLease(), properties.getTracker().getMaxAge(),
					properties.getTracker().getDelivery().getRetention());
		}

		// whatever configures the crypto (the properties, or a bean of the application's
		// own): nothing reaches Redis until a push comes
		@Bean
		@ConditionalOnMissingBean
		CallbackLedger dingTalkCallbackLedger(ClusterRedis redis, ClusterState state, DingTalkProperties properties,
				DingTalkConnectionDetails connectionDetails) {
			String ownerKey = DingTalkAutoConfiguration.callbackOwnerKey(properties, connectionDetails);
			return new RedisCallbackLedger(redis.template(),
					new RedisKeys(redis.prefix(), "callback:" + ((ownerKey != null) ? ownerKey : "default")), state);
		}

		@Bean
		@ConditionalOnMissingBean(SuiteTicketStore.class)
		RedisSuiteTicketStore dingTalkSuiteTicketStore(ClusterRedis redis, ClusterState state,
				DingTalkProperties properties) {
			return new RedisSuiteTicketStore(redis.template(), redis.suiteKeys(), state,
					new LocalSuiteTicketStore(properties.getSuiteTicket()));
		}

	}

	/**
	 * The template the starter reaches Redis with (its own, on the application's
	 * connection factory) and the keys of the configured credential.
	 *
	 * @param template the template
	 * @param credentialKeys the keys of the token and the rate limit
	 * @param suiteKeys the keys of the suite ticket
	 * @param prefix what every key starts with
	 * @param suiteKey the suite key of a third-party app, or {@code null}
	 * @param baseUrl the DingTalk API's base URL
	 */
	record ClusterRedis(ReactiveStringRedisTemplate template, RedisKeys credentialKeys, RedisKeys suiteKeys,
			String prefix, @Nullable String suiteKey, String baseUrl) {

		/**
		 * The keys of one corp's token of a third-party app.
		 * @param corpId the corp
		 * @return its keys
		 */
		RedisKeys corpKeys(String corpId) {
			String suite = this.suiteKey;
			if (suite == null) {
				throw new IllegalStateException("Corp tokens are kept for third-party apps only");
			}
			return new RedisKeys(this.prefix, ClusterIdentity.ofCorp(suite, corpId, this.baseUrl));
		}

	}

}
