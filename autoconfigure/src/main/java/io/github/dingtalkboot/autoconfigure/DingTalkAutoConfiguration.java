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

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.auth.SuiteTicketSupplier;
import io.github.dingtalkboot.auth.internal.CachingAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CachingCorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CorpAccessTokenFetcher;
import io.github.dingtalkboot.auth.internal.CorpBoundAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CorpTokenStores;
import io.github.dingtalkboot.auth.internal.FixedAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.InternalAppAccessTokenFetcher;
import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.auth.internal.SharedAccessTokenFetcher;
import io.github.dingtalkboot.auth.internal.SharedTokenStore;
import io.github.dingtalkboot.auth.internal.SuiteTicketTracker;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.RetryListener;
import io.github.dingtalkboot.core.internal.AdaptiveRateLimiter;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.DingTalkHttpClientBuilder;
import io.github.dingtalkboot.core.internal.RetryBudget;
import io.github.dingtalkboot.core.internal.RetryPolicy;
import io.github.dingtalkboot.core.internal.RetrySettings;
import io.github.dingtalkboot.storage.BlockingStorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.internal.StorageTaskClient;
import io.github.dingtalkboot.storage.internal.StorageTaskSettings;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the DingTalk client: an {@link AccessTokenSupplier} chosen from
 * the {@code dingtalk.*} credentials, a reactive {@link StorageTaskOperations} and a
 * {@link BlockingStorageTaskOperations}, all on one {@link DingTalkHttpClient} built from
 * Boot's {@link WebClient.Builder} and HTTP client settings, and closed with the
 * application context.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass(value = { WebClient.class, HttpClient.class, Mono.class },
		name = "org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder")
@ConditionalOnBooleanProperty(name = "dingtalk.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DingTalkProperties.class)
public final class DingTalkAutoConfiguration {

	static final String NO_DEFAULT_CORP = "This third-party app has no default corp (dingtalk.auth-corp-id): "
			+ "name the corp of each call with forCorp(corpId)";

	@Bean
	@ConditionalOnMissingBean
	DingTalkConnectionDetails dingTalkConnectionDetails(DingTalkProperties properties) {
		return new PropertiesDingTalkConnectionDetails(properties);
	}

	// internal: applications tune it with customizers, so no bean of theirs replaces it
	@Bean
	DingTalkHttpClient dingTalkHttpClient(DingTalkProperties properties, DingTalkConnectionDetails connectionDetails,
			ObjectProvider<WebClient.Builder> webClientBuilder, ObjectProvider<RetryListener> retryListeners,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<DingTalkClientObservationConvention> observationConvention,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpConnectorBuilder<?>> clientHttpConnectorBuilder,
			ObjectProvider<SslBundles> sslBundles,
			ObjectProvider<DingTalkReactorHttpClientCustomizer> httpClientCustomizers,
			ObjectProvider<DingTalkWebClientCustomizer> webClientCustomizers) {
		DingTalkHttpConnectors connectors = new DingTalkHttpConnectors(properties.getHttp(),
				httpClientSettings.getIfAvailable(), clientHttpConnectorBuilder.getIfAvailable(),
				sslBundles.getIfAvailable(), httpClientCustomizers.orderedStream().toList());
		List<DingTalkWebClientCustomizer> customizers = webClientCustomizers.orderedStream().toList();
		RetryPolicy retryPolicy = retryPolicy(properties.getRetry(), retryListeners.orderedStream().toList());
		return new DingTalkHttpClientBuilder(webClientBuilder.getIfAvailable(WebClient::builder),
				connectionDetails.getBaseUrl(), retryPolicy)
			.http(connectors.httpSettings())
			.connector(connectors.connectorFactory())
			.customizer((builder) -> customizers.forEach((customizer) -> customizer.customize(builder)))
			.observations(observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP),
					observationConvention.getIfAvailable())
			.build();
	}

	@Bean
	DingTalkClientLifecycle dingTalkClientLifecycle(DingTalkHttpClient dingTalkHttpClient,
			DingTalkProperties properties) {
		return new DingTalkClientLifecycle(dingTalkHttpClient, properties.getShutdown().getGracePeriod());
	}

	private static RetryPolicy retryPolicy(DingTalkProperties.Retry retry, List<RetryListener> listeners) {
		RetryListener listener = (operation, reason, attempt, delay) -> listeners
			.forEach((each) -> each.onRetry(operation, reason, attempt, delay));
		RetrySettings settings = DingTalkSettings.retry(retry);
		DingTalkProperties.Retry.Budget budget = retry.getBudget();
		RetryBudget retryBudget = budget.isEnabled() ? new RetryBudget(budget.getMaxTokens(), budget.getTokenRatio())
				: RetryBudget.unlimited();
		return new RetryPolicy(settings, retryBudget, Clock.systemUTC(), listener);
	}

	@Bean
	@ConditionalOnMissingBean(SuiteTicketStore.class)
	LocalSuiteTicketStore dingTalkSuiteTicketStore(DingTalkProperties properties) {
		return new LocalSuiteTicketStore(properties.getSuiteTicket());
	}

	@Bean
	@ConditionalOnMissingBean
	SuiteTicketSupplier dingTalkSuiteTicketSupplier(ObjectProvider<SuiteTicketTracker> trackers,
			DingTalkProperties properties) {
		// the starter's own stores track the latest ticket; an application's store of its
		// own leaves the ticket to the property
		SuiteTicketTracker tracker = trackers.getIfUnique();
		Supplier<Mono<String>> latest = (tracker != null) ? tracker::latest
				: () -> Mono.justOrEmpty(properties.getSuiteTicket());
		return () -> latest.get()
			.switchIfEmpty(Mono.error(() -> new DingTalkException("No suite ticket yet: save the ticket DingTalk "
					+ "pushes with SuiteTicketStore.save(ticket) in your ticket-push callback, or set "
					+ "dingtalk.suite-ticket")));
	}

	@Bean
	@ConditionalOnMissingBean
	AccessTokenSupplier dingTalkAccessTokenSupplier(DingTalkProperties properties,
			DingTalkConnectionDetails connectionDetails, DingTalkHttpClient http,
			ObjectProvider<SuiteTicketSupplier> suiteTicket, ObjectProvider<SharedTokenStore> sharedTokens,
			ObjectProvider<CorpAccessTokenSupplier> corpTokens, ObjectProvider<CorpTokenStores> corpTokenStores) {
		DingTalkCredentials credentials = CredentialsResolver.of(connectionDetails, properties);
		if (credentials instanceof DingTalkCredentials.FixedToken fixed) {
			return new FixedAccessTokenSupplier(fixed.accessToken());
		}
		if (credentials instanceof DingTalkCredentials.ThirdPartyApp app) {
			// the default corp's tokens are those of the corp cache, kept once
			CorpAccessTokenSupplier corps = corpTokens.getIfUnique(() -> corpTokens(app, properties, connectionDetails,
					http, suiteTicket.getObject(), corpTokenStores.getIfUnique()));
			return new CorpBoundAccessTokenSupplier(corps, app.authCorpId(), NO_DEFAULT_CORP);
		}
		DingTalkCredentials.InternalApp app = (DingTalkCredentials.InternalApp) credentials;
		AccessTokenFetcher fetcher = new InternalAppAccessTokenFetcher(http, app.appKey(), app.appSecret());
		Duration refreshBeforeExpiry = properties.getToken().getRefreshBeforeExpiry();
		SharedTokenStore shared = sharedTokens.getIfUnique();
		if (shared != null) {
			fetcher = new SharedAccessTokenFetcher(shared, fetcher, refreshBeforeExpiry);
		}
		return new CachingAccessTokenSupplier(fetcher, refreshBeforeExpiry, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnText({ "dingtalk.suite-key", "dingtalk.suite-secret" })
	CorpAccessTokenSupplier dingTalkCorpAccessTokenSupplier(DingTalkProperties properties,
			DingTalkConnectionDetails connectionDetails, DingTalkHttpClient http,
			ObjectProvider<SuiteTicketSupplier> suiteTicket, ObjectProvider<CorpTokenStores> corpTokenStores) {
		if (!(CredentialsResolver.of(connectionDetails, properties) instanceof DingTalkCredentials.ThirdPartyApp app)) {
			throw new DingTalkCredentialsException(
					"dingtalk.suite-key and dingtalk.suite-secret are set, but the connection details name other "
							+ "credentials.",
					List.of("dingtalk.suite-key", "dingtalk.suite-secret"),
					"Remove dingtalk.suite-* or the credentials of the connection details.");
		}
		return corpTokens(app, properties, connectionDetails, http, suiteTicket.getObject(),
				corpTokenStores.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnText({ "dingtalk.callback.token", "dingtalk.callback.aes-key" })
	DingTalkCallbackCrypto dingTalkCallbackCrypto(DingTalkProperties properties,
			DingTalkConnectionDetails connectionDetails) {
		DingTalkProperties.Callback callback = properties.getCallback();
		String ownerKey = callbackOwnerKey(properties, connectionDetails);
		if (ownerKey == null) {
			throw new InvalidConfigurationPropertyValueException("dingtalk.callback.owner-key", null,
					"must be set: no suite key or app key names the key DingTalk encrypts pushes for");
		}
		try {
			return new DingTalkCallbackCrypto(Objects.requireNonNull(callback.getToken()),
					Objects.requireNonNull(callback.getAesKey()), ownerKey);
		}
		catch (IllegalArgumentException ex) {
			// the value itself is a secret: it is not shown
			throw new InvalidConfigurationPropertyValueException("dingtalk.callback.aes-key", "******",
					"must be the 43 Base64 characters of the EncodingAESKey set in DingTalk's developer console");
		}
	}

	/**
	 * The key DingTalk encrypts the application's pushes for.
	 * @param properties the properties
	 * @param connectionDetails the connection details
	 * @return {@code dingtalk.callback.owner-key}, else the suite key of a third-party
	 * app or the app key of an internal app, or {@code null} for none
	 */
	static @Nullable String callbackOwnerKey(DingTalkProperties properties,
			DingTalkConnectionDetails connectionDetails) {
		String ownerKey = properties.getCallback().getOwnerKey();
		if (CredentialsResolver.isSet(ownerKey)) {
			return ownerKey;
		}
		DingTalkCredentials credentials = ClusterIdentity.credentials(connectionDetails, properties);
		return (credentials instanceof DingTalkCredentials.ThirdPartyApp app) ? app.suiteKey()
				: (credentials instanceof DingTalkCredentials.InternalApp app) ? app.appKey() : null;
	}

	private static CorpAccessTokenSupplier corpTokens(DingTalkCredentials.ThirdPartyApp app,
			DingTalkProperties properties, DingTalkConnectionDetails connectionDetails, DingTalkHttpClient http,
			SuiteTicketSupplier suiteTicket, @Nullable CorpTokenStores stores) {
		Duration refreshBeforeExpiry = properties.getToken().getRefreshBeforeExpiry();
		Function<String, AccessTokenFetcher> fetchers = (corpId) -> {
			AccessTokenFetcher fetcher = new CorpAccessTokenFetcher(http, app.suiteKey(), app.suiteSecret(), corpId,
					suiteTicket);
			return (stores != null) ? new SharedAccessTokenFetcher(stores.forCorp(corpId), fetcher, refreshBeforeExpiry)
					: fetcher;
		};
		return new CachingCorpAccessTokenSupplier(fetchers, properties.getCorpTokens().getMaxSize(),
				refreshBeforeExpiry, Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "dingtalk.rate-limit.enabled", matchIfMissing = true)
	DingTalkRateLimiter dingTalkStorageRateLimiter(DingTalkProperties properties) {
		return new AdaptiveRateLimiter(properties.getRateLimit().getRequestsPerSecond(),
				properties.getRateLimit().getMaxWait());
	}

	@Bean
	@ConditionalOnMissingBean(StorageTaskOperations.class)
	StorageTaskClient dingTalkStorageTaskOperations(DingTalkProperties properties, DingTalkHttpClient http,
			AccessTokenSupplier accessTokenSupplier, ObjectProvider<CorpAccessTokenSupplier> corpTokens,
			ObjectProvider<DingTalkRateLimiter> rateLimiter) {
		StorageTaskSettings settings = DingTalkSettings.storage(properties.getStorage());
		CorpAccessTokenSupplier corps = corpTokens.getIfUnique(
				() -> (accessTokenSupplier instanceof CorpBoundAccessTokenSupplier bound) ? bound.corps() : null);
		return (corps != null)
				? new StorageTaskClient(http, accessTokenSupplier, corps, settings, rateLimiter.getIfAvailable())
				: new StorageTaskClient(http, accessTokenSupplier, settings, rateLimiter.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	BlockingStorageTaskOperations dingTalkBlockingStorageTaskOperations(StorageTaskOperations storageTaskOperations,
			DingTalkHttpClient http, DingTalkProperties properties) {
		return BlockingStorageTaskOperations.of(storageTaskOperations, blockingCallTimeout(http, properties),
				properties.getStorage().getAwaitTimeout());
	}

	/*
	 * The longest one blocking {@code getTask} waits: a token fetch and the call itself,
	 * each with all its attempts at the longest back-off.
	 */
	static Duration blockingCallTimeout(DingTalkHttpClient http, DingTalkProperties properties) {
		DingTalkProperties.Retry retry = properties.getRetry();
		int attempts = retry.isEnabled() ? Math.max(1, retry.getMaxAttempts()) : 1;
		return http.attemptTimeout().plus(retry.getMaxBackoff()).multipliedBy(2L * attempts);
	}

}
