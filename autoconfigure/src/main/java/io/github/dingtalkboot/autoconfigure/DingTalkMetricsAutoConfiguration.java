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
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CachingCorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CorpBoundAccessTokenSupplier;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import io.github.dingtalkboot.callback.internal.CallbackMetrics;
import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.internal.TaskTracker;
import io.github.dingtalkboot.storage.internal.TrackerMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the DingTalk meters that are not observations: the retry counter,
 * the token-expiry gauge, the rate-limit gauge and the tracker's meters. Only when
 * Micrometer's core is on the classpath and the DingTalk client is configured.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@AutoConfiguration(after = DingTalkAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(DingTalkHttpClient.class)
public final class DingTalkMetricsAutoConfiguration {

	static final String RETRIES = "dingtalk.client.retries";

	static final String TOKEN_EXPIRY = "dingtalk.token.expiry";

	static final String CORP_TOKENS_CACHED = "dingtalk.corp-tokens.cached";

	static final String RATE_LIMIT = "dingtalk.client.rate-limit";

	static final String CLUSTER_DEGRADED = "dingtalk.cluster.degraded";

	static final String TRACKER_TASKS = "dingtalk.tracker.tasks";

	static final String TRACKER_POLLS = "dingtalk.tracker.polls";

	private static final String TRACKER_POLLS_DESCRIPTION = "Polls of tracked storage tasks";

	static final String TRACKER_EVENTS = "dingtalk.tracker.events";

	static final String CALLBACK_EVENTS = "dingtalk.callback.events";

	static final String CALLBACK_REJECTED = "dingtalk.callback.rejected";

	// not @ConditionalOnMissingBean: every RetryListener is called, and the user's own
	// ones must not remove the counter
	@Bean
	RetryListener dingTalkRetryMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return (operation, reason, attempt,
				delay) -> meterRegistry.ifAvailable((registry) -> Counter.builder(RETRIES)
					.description("Retries of DingTalk requests")
					.tag("dingtalk.operation", operation)
					.tag("reason", reason)
					.register(registry)
					.increment());
	}

	@Bean
	MeterBinder dingTalkTokenExpiryMetrics(ObjectProvider<AccessTokenSupplier> accessTokenSupplier,
			ObjectProvider<CorpAccessTokenSupplier> corpAccessTokenSupplier) {
		return (registry) -> {
			AccessTokenSupplier tokens = accessTokenSupplier.getIfUnique();
			if (tokens instanceof CachingAccessTokenSupplier caching) {
				tokenExpiry(registry, caching, CachingAccessTokenSupplier::timeToExpiry,
						"Seconds until the cached DingTalk access token expires");
			}
			// a third-party app's corp tokens: a bean, or (credentials of connection
			// details) those the access token supplier takes the default corp's from
			else if (corpAccessTokenSupplier.getIfUnique(() -> (tokens instanceof CorpBoundAccessTokenSupplier bound)
					? bound.corps() : null) instanceof CachingCorpAccessTokenSupplier corps) {
				// one gauge for all corps: a corp tag would grow with the corps served
				tokenExpiry(registry, corps, CachingCorpAccessTokenSupplier::timeToFirstExpiry,
						"Seconds until the first of the cached corp access tokens expires");
				Gauge.builder(CORP_TOKENS_CACHED, corps, CachingCorpAccessTokenSupplier::cachedCorps)
					.description("Corps whose access token is cached")
					.register(registry);
			}
		};
	}

	private static <T> void tokenExpiry(MeterRegistry registry, T supplier,
			Function<T, Optional<Duration>> timeToExpiry, String description) {
		Gauge
			.builder(TOKEN_EXPIRY, supplier,
					(tokens) -> timeToExpiry.apply(tokens).map((left) -> left.toMillis() / 1000.0).orElse(Double.NaN))
			.description(description)
			.baseUnit("seconds")
			.register(registry);
	}

	@Bean
	MeterBinder dingTalkRateLimitMetrics(ObjectProvider<DingTalkRateLimiter> rateLimiter) {
		return (registry) -> rateLimiter
			.ifAvailable((limiter) -> Gauge.builder(RATE_LIMIT, limiter, DingTalkRateLimiter::currentRate)
				.description("Requests per second the client allows itself to the storage task API now")
				.tag("dingtalk.api", "storage.task")
				.register(registry));
	}

	@Bean
	@ConditionalOnBean(ClusterState.class)
	MeterBinder dingTalkClusterMetrics(ClusterState clusterState) {
		return (registry) -> Gauge.builder(CLUSTER_DEGRADED, clusterState, (state) -> state.isDegraded() ? 1 : 0)
			.description("1 while Redis does not answer and the client runs on local state, else 0")
			.register(registry);
	}

	@Bean
	TrackerMetrics dingTalkTrackerMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new TrackerMetrics() {

			@Override
			public void polled() {
				meterRegistry.ifAvailable((registry) -> Counter.builder(TRACKER_POLLS)
					.description(TRACKER_POLLS_DESCRIPTION)
					.register(registry)
					.increment());
			}

			@Override
			public void event(String type, String outcome) {
				meterRegistry.ifAvailable((registry) -> Counter.builder(TRACKER_EVENTS)
					.description("Events of tracked storage tasks, by how their delivery went")
					.tag("type", type)
					.tag("outcome", outcome)
					.register(registry)
					.increment());
			}

		};
	}

	@Bean
	CallbackMetrics dingTalkCallbackMetrics(ObjectProvider<MeterRegistry> meterRegistry) {
		return new CallbackMetrics() {

			@Override
			public void received(String type) {
				meterRegistry.ifAvailable((registry) -> Counter.builder(CALLBACK_EVENTS)
					.description("Events DingTalk pushed to the callback, verified, by type")
					.tag("type", type)
					.register(registry)
					.increment());
			}

			@Override
			public void rejected(Reason reason) {
				meterRegistry.ifAvailable((registry) -> Counter.builder(CALLBACK_REJECTED)
					.description("Pushes to the DingTalk callback refused, by reason")
					.tag("reason", reason.name().toLowerCase(Locale.ROOT).replace('_', '-'))
					.register(registry)
					.increment());
			}

		};
	}

	@Bean
	MeterBinder dingTalkTrackerTaskMetrics(ObjectProvider<TaskTracker> tracker) {
		return (registry) -> {
			TaskTracker ours = tracker.getIfUnique();
			if (ours != null) {
				Gauge.builder(TRACKER_TASKS, ours, TaskTracker::heldTasks)
					.description("Storage tasks this instance tracks now")
					.register(registry);
				// there from the start, so that a rate over it is 0 before the first poll
				// rather than missing
				Counter.builder(TRACKER_POLLS).description(TRACKER_POLLS_DESCRIPTION).register(registry);
			}
		};
	}

}
