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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Configuration of the DingTalk client, under {@code dingtalk.*}.
 * <p>
 * Set one kind of credentials: {@code app-key} and {@code app-secret} (internal app),
 * {@code suite-key}, {@code suite-secret}, {@code suite-ticket} and {@code auth-corp-id}
 * (third-party enterprise app), or {@code access-token} (a fixed token).
 * {@link #toString()} masks every secret.
 * <p>
 * One class for the whole {@code dingtalk.*} tree, its groups as nested classes, as
 * Spring Boot's own properties classes are: the configuration processor reads the Javadoc
 * of each nested field as the description users see, so the length is mostly that
 * documentation, one getter and setter per property.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@ConfigurationProperties("dingtalk")
public class DingTalkProperties implements InitializingBean {

	/**
	 * Whether to create the DingTalk client beans at all.
	 */
	private boolean enabled = true;

	/**
	 * DingTalk's API base URL. Use https://api.dingtalk.com for mainland-China tenants.
	 */
	private String baseUrl = "https://api.dingtalk.io";

	/**
	 * App key of an internal app; goes with app-secret.
	 */
	private @Nullable String appKey;

	/**
	 * App secret of an internal app; goes with app-key.
	 */
	private @Nullable String appSecret;

	/**
	 * Suite key of a third-party enterprise app; goes with suite-secret, suite-ticket and
	 * auth-corp-id.
	 */
	private @Nullable String suiteKey;

	/**
	 * Suite secret of a third-party enterprise app.
	 */
	private @Nullable String suiteSecret;

	/**
	 * Suite ticket of a third-party enterprise app. DingTalk replaces it every few hours:
	 * declare a SuiteTicketSupplier bean to supply the latest one instead.
	 */
	private @Nullable String suiteTicket;

	/**
	 * Id of the organisation (corpId) a third-party enterprise app calls DingTalk for
	 * when a call names no corp (forCorp). Optional: without it, every call of a
	 * third-party app names its corp.
	 */
	private @Nullable String authCorpId;

	/**
	 * A fixed access token: no token calls are made at all. For tests, or tokens managed
	 * elsewhere.
	 */
	private @Nullable String accessToken;

	private final Token token = new Token();

	private final CorpTokens corpTokens = new CorpTokens();

	private final Http http = new Http();

	private final Storage storage = new Storage();

	private final Retry retry = new Retry();

	private final RateLimit rateLimit = new RateLimit();

	private final Shutdown shutdown = new Shutdown();

	private final Cluster cluster = new Cluster();

	private final Tracker tracker = new Tracker();

	private final Callback callback = new Callback();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getAppKey() {
		return this.appKey;
	}

	public void setAppKey(@Nullable String appKey) {
		this.appKey = appKey;
	}

	public @Nullable String getAppSecret() {
		return this.appSecret;
	}

	public void setAppSecret(@Nullable String appSecret) {
		this.appSecret = appSecret;
	}

	public @Nullable String getSuiteKey() {
		return this.suiteKey;
	}

	public void setSuiteKey(@Nullable String suiteKey) {
		this.suiteKey = suiteKey;
	}

	public @Nullable String getSuiteSecret() {
		return this.suiteSecret;
	}

	public void setSuiteSecret(@Nullable String suiteSecret) {
		this.suiteSecret = suiteSecret;
	}

	public @Nullable String getSuiteTicket() {
		return this.suiteTicket;
	}

	public void setSuiteTicket(@Nullable String suiteTicket) {
		this.suiteTicket = suiteTicket;
	}

	public @Nullable String getAuthCorpId() {
		return this.authCorpId;
	}

	public void setAuthCorpId(@Nullable String authCorpId) {
		this.authCorpId = authCorpId;
	}

	public @Nullable String getAccessToken() {
		return this.accessToken;
	}

	public void setAccessToken(@Nullable String accessToken) {
		this.accessToken = accessToken;
	}

	public Token getToken() {
		return this.token;
	}

	public CorpTokens getCorpTokens() {
		return this.corpTokens;
	}

	public Http getHttp() {
		return this.http;
	}

	public Storage getStorage() {
		return this.storage;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	public Shutdown getShutdown() {
		return this.shutdown;
	}

	public Cluster getCluster() {
		return this.cluster;
	}

	public Callback getCallback() {
		return this.callback;
	}

	public Tracker getTracker() {
		return this.tracker;
	}

	/**
	 * Check the values once bound, so that a wrong one stops start-up with a message that
	 * names the property, its value and where it came from.
	 */
	@Override
	public void afterPropertiesSet() {
		positive("dingtalk.http.connect-timeout", this.http.getConnectTimeout());
		positive("dingtalk.http.response-timeout", this.http.getResponseTimeout());
		check("dingtalk.http.max-connections", this.http.getMaxConnections(), this.http.getMaxConnections() >= 1,
				"must be at least 1");
		check("dingtalk.http.max-pending-acquires", this.http.getMaxPendingAcquires(),
				this.http.getMaxPendingAcquires() >= 1, "must be at least 1");
		notNegative("dingtalk.token.refresh-before-expiry", this.token.getRefreshBeforeExpiry());
		Storage.Poll poll = this.storage.getPoll();
		positive("dingtalk.storage.poll.initial-interval", poll.getInitialInterval());
		check("dingtalk.storage.poll.max-interval", poll.getMaxInterval(),
				poll.getMaxInterval().compareTo(poll.getInitialInterval()) >= 0,
				"must not be shorter than dingtalk.storage.poll.initial-interval");
		check("dingtalk.storage.poll.multiplier", poll.getMultiplier(), poll.getMultiplier() >= 1,
				"must be at least 1");
		positive("dingtalk.storage.await-timeout", this.storage.getAwaitTimeout());
		check("dingtalk.rate-limit.requests-per-second", this.rateLimit.getRequestsPerSecond(),
				this.rateLimit.getRequestsPerSecond() > 0, "must be positive");
		check("dingtalk.retry.max-attempts", this.retry.getMaxAttempts(), this.retry.getMaxAttempts() >= 1,
				"must be at least 1 (the first attempt counts)");
		notNegative("dingtalk.retry.initial-backoff", this.retry.getInitialBackoff());
		check("dingtalk.retry.max-backoff", this.retry.getMaxBackoff(),
				this.retry.getMaxBackoff().compareTo(this.retry.getInitialBackoff()) >= 0,
				"must not be shorter than dingtalk.retry.initial-backoff");
		check("dingtalk.retry.multiplier", this.retry.getMultiplier(), this.retry.getMultiplier() >= 1,
				"must be at least 1");
		check("dingtalk.retry.jitter", this.retry.getJitter(),
				this.retry.getJitter() >= 0 && this.retry.getJitter() <= 1, "must be between 0 and 1");
		for (Integer status : this.retry.getStatuses()) {
			check("dingtalk.retry.statuses", this.retry.getStatuses(), status != null && status >= 400 && status <= 599,
					"must hold HTTP error statuses (400 to 599)");
		}
		notNegative("dingtalk.retry.throttled-backoff", this.retry.getThrottledBackoff());
		notNegative("dingtalk.retry.max-retry-after", this.retry.getMaxRetryAfter());
		check("dingtalk.retry.budget.max-tokens", this.retry.getBudget().getMaxTokens(),
				this.retry.getBudget().getMaxTokens() > 0, "must be positive");
		check("dingtalk.retry.budget.token-ratio", this.retry.getBudget().getTokenRatio(),
				this.retry.getBudget().getTokenRatio() > 0, "must be positive");
		notNegative("dingtalk.shutdown.grace-period", this.shutdown.getGracePeriod());
		check("dingtalk.corp-tokens.max-size", this.corpTokens.getMaxSize(), this.corpTokens.getMaxSize() >= 1,
				"must be at least 1");
		check("dingtalk.cluster.key-prefix", this.cluster.getKeyPrefix(), !this.cluster.getKeyPrefix().isBlank(),
				"must not be empty");
		check("dingtalk.cluster.fallback-requests-per-second", this.cluster.getFallbackRequestsPerSecond(),
				this.cluster.getFallbackRequestsPerSecond() > 0, "must be positive");
		positive("dingtalk.cluster.timeout", this.cluster.getTimeout());
		positive("dingtalk.tracker.max-age", this.tracker.getMaxAge());
		positive("dingtalk.tracker.lease", this.tracker.getLease());
		Tracker.Delivery delivery = this.tracker.getDelivery();
		check("dingtalk.tracker.delivery.max-attempts", delivery.getMaxAttempts(), delivery.getMaxAttempts() >= 1,
				"must be at least 1 (the first delivery counts)");
		positive("dingtalk.tracker.delivery.backoff", delivery.getBackoff());
		check("dingtalk.tracker.delivery.max-backoff", delivery.getMaxBackoff(),
				delivery.getMaxBackoff().compareTo(delivery.getBackoff()) >= 0,
				"must not be shorter than dingtalk.tracker.delivery.backoff");
	}

	private static void positive(String name, @Nullable Duration value) {
		check(name, value, value == null || (!value.isNegative() && !value.isZero()), "must be positive");
	}

	private static void notNegative(String name, @Nullable Duration value) {
		check(name, value, value == null || !value.isNegative(), "must not be negative");
	}

	private static void check(String name, @Nullable Object value, boolean valid, String reason) {
		if (!valid) {
			throw new InvalidConfigurationPropertyValueException(name, value, reason);
		}
	}

	@Override
	public String toString() {
		return "DingTalkProperties[enabled=" + this.enabled + ", baseUrl=" + this.baseUrl + ", appKey=" + this.appKey
				+ ", appSecret=" + mask(this.appSecret) + ", suiteKey=" + this.suiteKey + ", suiteSecret="
				+ mask(this.suiteSecret) + ", suiteTicket=" + mask(this.suiteTicket) + ", authCorpId=" + this.authCorpId
				+ ", accessToken=" + mask(this.accessToken) + ", token=" + this.token + ", corpTokens="
				+ this.corpTokens + ", http=" + this.http + ", storage=" + this.storage + ", retry=" + this.retry
				+ ", rateLimit=" + this.rateLimit + ", shutdown=" + this.shutdown + ", cluster=" + this.cluster
				+ ", tracker=" + this.tracker + ", callback=" + this.callback + "]";
	}

	private static @Nullable String mask(@Nullable String secret) {
		return (secret != null) ? "******" : null;
	}

	/**
	 * Access-token caching.
	 */
	public static class Token {

		/**
		 * How long before a token expires to fetch the next one, in the background while
		 * the old one is still used.
		 */
		private Duration refreshBeforeExpiry = Duration.ofMinutes(5);

		public Duration getRefreshBeforeExpiry() {
			return this.refreshBeforeExpiry;
		}

		public void setRefreshBeforeExpiry(Duration refreshBeforeExpiry) {
			this.refreshBeforeExpiry = refreshBeforeExpiry;
		}

		@Override
		public String toString() {
			return "Token[refreshBeforeExpiry=" + this.refreshBeforeExpiry + "]";
		}

	}

	/**
	 * DingTalk's pushes (callbacks): the values set in DingTalk's developer console for
	 * the callback URL. With the token and the AES key set, a DingTalkCallbackCrypto bean
	 * verifies and decrypts the pushes, and in a WebFlux or Spring MVC application an
	 * endpoint at the path receives them.
	 */
	public static class Callback {

		/**
		 * The callback token set in DingTalk's developer console.
		 */
		private @Nullable String token;

		/**
		 * The 43-character EncodingAESKey set in DingTalk's developer console.
		 */
		private @Nullable String aesKey;

		/**
		 * The key pushes are encrypted for, when not the suite key (third-party app) or
		 * the app key (internal app): for example the corp id of an internal app's older
		 * callbacks.
		 */
		private @Nullable String ownerKey;

		/**
		 * The path of the endpoint DingTalk pushes to, in a WebFlux or Spring MVC
		 * application; register the application's URL with it in DingTalk's developer
		 * console.
		 */
		private String path = "/dingtalk/callback";

		/**
		 * How far a push's timestamp may be from now; older (or later) pushes are refused
		 * as replays, and nonces are remembered twice as long.
		 */
		private Duration maxClockSkew = Duration.ofMinutes(5);

		/**
		 * How long handling a push (saving a suite ticket, the listeners) may take before
		 * DingTalk is answered not-success, so that it pushes again.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Duration getMaxClockSkew() {
			return this.maxClockSkew;
		}

		public void setMaxClockSkew(Duration maxClockSkew) {
			this.maxClockSkew = maxClockSkew;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable String getAesKey() {
			return this.aesKey;
		}

		public void setAesKey(@Nullable String aesKey) {
			this.aesKey = aesKey;
		}

		public @Nullable String getOwnerKey() {
			return this.ownerKey;
		}

		public void setOwnerKey(@Nullable String ownerKey) {
			this.ownerKey = ownerKey;
		}

		@Override
		public String toString() {
			return "Callback[token=" + mask(this.token) + ", aesKey=" + mask(this.aesKey) + ", ownerKey="
					+ this.ownerKey + ", path=" + this.path + ", maxClockSkew=" + this.maxClockSkew + ", timeout="
					+ this.timeout + "]";
		}

	}

	/**
	 * The corp access tokens of a third-party enterprise app, one per corp that
	 * authorised it.
	 */
	public static class CorpTokens {

		/**
		 * How many corps' tokens are kept at most; beyond it, those least likely to be
		 * used again (by recency and frequency) are evicted and fetched again when next
		 * used.
		 */
		private int maxSize = 10_000;

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		@Override
		public String toString() {
			return "CorpTokens[maxSize=" + this.maxSize + "]";
		}

	}

	/**
	 * HTTP connections to DingTalk.
	 */
	public static class Http {

		/**
		 * The connect timeout when neither dingtalk.http nor spring.http.clients sets
		 * one.
		 */
		static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

		/**
		 * The response timeout when neither dingtalk.http nor spring.http.clients sets a
		 * read timeout.
		 */
		static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(10);

		/**
		 * Bound for opening a connection. When not set,
		 * spring.http.clients.connect-timeout applies, and without that 5s.
		 */
		private @Nullable Duration connectTimeout;

		/**
		 * Bound for one attempt as a whole, from sending the request to the last byte of
		 * the answer; a slower (or trickling) answer fails the attempt with a
		 * DingTalkTransportException, which is retried. When not set,
		 * spring.http.clients.read-timeout applies, and without that 10s.
		 */
		private @Nullable Duration responseTimeout;

		/**
		 * Size of the connection pool shared by all DingTalk calls of the application.
		 */
		private int maxConnections = 50;

		/**
		 * How many requests may wait for a pooled connection before further ones fail
		 * fast.
		 */
		private int maxPendingAcquires = 10_000;

		private final Ssl ssl = new Ssl();

		public @Nullable Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(@Nullable Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public @Nullable Duration getResponseTimeout() {
			return this.responseTimeout;
		}

		public void setResponseTimeout(@Nullable Duration responseTimeout) {
			this.responseTimeout = responseTimeout;
		}

		public int getMaxConnections() {
			return this.maxConnections;
		}

		public void setMaxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
		}

		public int getMaxPendingAcquires() {
			return this.maxPendingAcquires;
		}

		public void setMaxPendingAcquires(int maxPendingAcquires) {
			this.maxPendingAcquires = maxPendingAcquires;
		}

		public Ssl getSsl() {
			return this.ssl;
		}

		@Override
		public String toString() {
			return "Http[connectTimeout=" + this.connectTimeout + ", responseTimeout=" + this.responseTimeout
					+ ", maxConnections=" + this.maxConnections + ", maxPendingAcquires=" + this.maxPendingAcquires
					+ ", ssl=" + this.ssl + "]";
		}

		/**
		 * TLS of DingTalk calls.
		 */
		public static class Ssl {

			/**
			 * Name of the SSL bundle (spring.ssl.bundle.*) for DingTalk calls only, e.g.
			 * to trust a corporate CA. When not set, spring.http.clients.ssl.bundle
			 * applies, and without that the JVM's defaults.
			 */
			private @Nullable String bundle;

			public @Nullable String getBundle() {
				return this.bundle;
			}

			public void setBundle(@Nullable String bundle) {
				this.bundle = bundle;
			}

			@Override
			public String toString() {
				return "Ssl[bundle=" + this.bundle + "]";
			}

		}

	}

	/**
	 * Closing the application context.
	 */
	public static class Shutdown {

		/**
		 * How long calls in flight may go on once the application context closes; running
		 * watches end at once, and every call still running after this ends with a
		 * DingTalkClientClosedException. Bounded in turn by
		 * spring.lifecycle.timeout-per-shutdown-phase.
		 */
		private Duration gracePeriod = Duration.ofSeconds(5);

		public Duration getGracePeriod() {
			return this.gracePeriod;
		}

		public void setGracePeriod(Duration gracePeriod) {
			this.gracePeriod = gracePeriod;
		}

		@Override
		public String toString() {
			return "Shutdown[gracePeriod=" + this.gracePeriod + "]";
		}

	}

	/**
	 * The storage API.
	 */
	public static class Storage {

		/**
		 * Default operator (unionId) for getTask(taskId), watchTask(taskId) and
		 * awaitTask(taskId).
		 */
		private @Nullable String unionId;

		/**
		 * Default time awaitTask(taskId) waits for a task to finish.
		 */
		private Duration awaitTimeout = Duration.ofMinutes(10);

		private final Poll poll = new Poll();

		public @Nullable String getUnionId() {
			return this.unionId;
		}

		public void setUnionId(@Nullable String unionId) {
			this.unionId = unionId;
		}

		public Duration getAwaitTimeout() {
			return this.awaitTimeout;
		}

		public void setAwaitTimeout(Duration awaitTimeout) {
			this.awaitTimeout = awaitTimeout;
		}

		public Poll getPoll() {
			return this.poll;
		}

		@Override
		public String toString() {
			return "Storage[unionId=" + this.unionId + ", awaitTimeout=" + this.awaitTimeout + ", poll=" + this.poll
					+ "]";
		}

		/**
		 * Polling of watched, awaited and tracked tasks, on one schedule: the first poll
		 * is immediate. Then each task is polled within its back-off (initial-interval,
		 * growing by multiplier while the task does not change, up to max-interval; a
		 * change sets it back to initial-interval), or, once the progress of a task of
		 * more than 50 subtasks predicts its end, at that end and at least every
		 * max-interval. Rate-limit slots left over poll the tasks sooner, in turn, each
		 * at most once per initial-interval.
		 */
		public static class Poll {

			/**
			 * Delay before the second poll, and after every change; the shortest delay
			 * between two polls of a task.
			 */
			private Duration initialInterval = Duration.ofMillis(500);

			/**
			 * Longest delay between two polls of a task while the rate limit has room for
			 * every followed task; when it has not, predicted ends decide which task
			 * waits longer.
			 */
			private Duration maxInterval = Duration.ofSeconds(5);

			/**
			 * Growth of the delay per poll that saw no change.
			 */
			private double multiplier = 1.5;

			public Duration getInitialInterval() {
				return this.initialInterval;
			}

			public void setInitialInterval(Duration initialInterval) {
				this.initialInterval = initialInterval;
			}

			public Duration getMaxInterval() {
				return this.maxInterval;
			}

			public void setMaxInterval(Duration maxInterval) {
				this.maxInterval = maxInterval;
			}

			public double getMultiplier() {
				return this.multiplier;
			}

			public void setMultiplier(double multiplier) {
				this.multiplier = multiplier;
			}

			@Override
			public String toString() {
				return "Poll[initialInterval=" + this.initialInterval + ", maxInterval=" + this.maxInterval
						+ ", multiplier=" + this.multiplier + "]";
			}

		}

	}

	/**
	 * The client-side rate limit of the storage task API, shared by every request of the
	 * application.
	 */
	public static class RateLimit {

		/**
		 * Whether to pace requests to the storage task API on the client side.
		 */
		private boolean enabled = true;

		/**
		 * Requests per second to the storage task API, evenly spaced. DingTalk's standard
		 * limit is 20 per app and API; the rate halves after a QPS-limit answer and
		 * recovers by one per second.
		 */
		private double requestsPerSecond = 20;

		/**
		 * Longest a call waits for its slot; a call whose slot would come later fails at
		 * once with a DingTalkThrottledException (isRefusedByRateLimiter) instead of
		 * joining a queue without bound. Also what a step back of Redis's clock can cost
		 * at most.
		 */
		private Duration maxWait = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public double getRequestsPerSecond() {
			return this.requestsPerSecond;
		}

		public void setRequestsPerSecond(double requestsPerSecond) {
			this.requestsPerSecond = requestsPerSecond;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		@Override
		public String toString() {
			return "RateLimit[enabled=" + this.enabled + ", requestsPerSecond=" + this.requestsPerSecond + ", maxWait="
					+ this.maxWait + "]";
		}

	}

	/**
	 * Several instances of the application sharing one access token, one suite ticket,
	 * one rate limit and the tracked tasks through Redis.
	 */
	public static class Cluster {

		/**
		 * Whether to share the access token, the suite ticket, the storage rate limit and
		 * the tracked storage tasks with the other instances through Redis. Needs a
		 * ReactiveRedisConnectionFactory (spring-boot-starter-data-redis-reactive and
		 * spring.data.redis.*).
		 */
		private boolean enabled;

		/**
		 * What every Redis key of the starter starts with; the rest names the credential
		 * (app key, or suite key and corp id, and the base URL's host unless it is one of
		 * DingTalk's production hosts), never a secret. Required, and unique per
		 * application, when the access token is a fixed one or comes from the
		 * application's own AccessTokenSupplier.
		 */
		private String keyPrefix = "dingtalk";

		/**
		 * Requests per second to the storage task API that this instance allows itself
		 * alone while Redis does not answer, until it has seen how many instances share
		 * the rate; after that, its share: the last shared rate divided by the instances
		 * last seen alive, at least 1.
		 */
		private double fallbackRequestsPerSecond = 5;

		/**
		 * Bound of one Redis operation; one that takes longer counts as Redis not
		 * answering. Until Redis has answered once, operations (the first also connects)
		 * may take up to 5s.
		 */
		private Duration timeout = Duration.ofMillis(500);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public double getFallbackRequestsPerSecond() {
			return this.fallbackRequestsPerSecond;
		}

		public void setFallbackRequestsPerSecond(double fallbackRequestsPerSecond) {
			this.fallbackRequestsPerSecond = fallbackRequestsPerSecond;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

		@Override
		public String toString() {
			return "Cluster[enabled=" + this.enabled + ", keyPrefix=" + this.keyPrefix + ", fallbackRequestsPerSecond="
					+ this.fallbackRequestsPerSecond + ", timeout=" + this.timeout + "]";
		}

	}

	/**
	 * Tracking of storage tasks in the background, with an application event when each
	 * one ends.
	 */
	public static class Tracker {

		/**
		 * Whether to provide the StorageTaskTracker.
		 */
		private boolean enabled = true;

		/**
		 * How long a task is tracked before tracking fails with a
		 * StorageTaskTrackingFailedEvent.
		 */
		private Duration maxAge = Duration.ofHours(24);

		/**
		 * With dingtalk.cluster.enabled, how long an instance holds a tracked task
		 * without renewing its lease: after that another instance takes the task over.
		 */
		private Duration lease = Duration.ofSeconds(30);

		private final Delivery delivery = new Delivery();

		private final Endpoint endpoint = new Endpoint();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Duration getLease() {
			return this.lease;
		}

		public void setLease(Duration lease) {
			this.lease = lease;
		}

		public Delivery getDelivery() {
			return this.delivery;
		}

		public Endpoint getEndpoint() {
			return this.endpoint;
		}

		@Override
		public String toString() {
			return "Tracker[enabled=" + this.enabled + ", maxAge=" + this.maxAge + ", lease=" + this.lease
					+ ", delivery=" + this.delivery + ", endpoint=" + this.endpoint + "]";
		}

		/**
		 * The {@code dingtalktasks} actuator endpoint.
		 */
		public static class Endpoint {

			/**
			 * When the endpoint shows the tracked tasks' attributes (which may hold
			 * personal data) rather than masking their values, as Spring Boot's
			 * show-values: never, when-authorized or always.
			 */
			private ShowAttributes showAttributes = ShowAttributes.NEVER;

			/**
			 * Roles a user needs for attributes to be shown when show-attributes is
			 * when-authorized; any authenticated user when empty.
			 */
			private @Nullable Set<String> roles;

			public ShowAttributes getShowAttributes() {
				return this.showAttributes;
			}

			public void setShowAttributes(ShowAttributes showAttributes) {
				this.showAttributes = showAttributes;
			}

			public @Nullable Set<String> getRoles() {
				return this.roles;
			}

			public void setRoles(@Nullable Set<String> roles) {
				this.roles = roles;
			}

			@Override
			public String toString() {
				return "Endpoint[showAttributes=" + this.showAttributes + ", roles=" + this.roles + "]";
			}

		}

		/**
		 * When the {@code dingtalktasks} endpoint shows attributes.
		 */
		public enum ShowAttributes {

			/** Never: values are masked. */
			NEVER,

			/** When the user is authorized (and has one of the roles, if any). */
			WHEN_AUTHORIZED,

			/** Always. */
			ALWAYS

		}

		/**
		 * Delivery of the tracker's events to the application's listeners.
		 */
		public static class Delivery {

			/**
			 * How often an event is offered to the listeners (a listener that throws or
			 * takes longer than the timeout gets it again) before the task is set aside
			 * as undelivered, with an ERROR log, for StorageTaskTracker.redeliver.
			 */
			private int maxAttempts = 10;

			/**
			 * Longest one offer of an event to the listeners may take; a slower offer
			 * counts as failed (the listener's thread is not interrupted).
			 */
			private Duration timeout = Duration.ofSeconds(30);

			/**
			 * How long a task whose event could not be delivered is kept (listed by
			 * trackedTasks() and the dingtalktasks endpoint) for a redelivery.
			 */
			private Duration retention = Duration.ofDays(7);

			/**
			 * Delay before an event is offered again, doubling after each failed offer.
			 */
			private Duration backoff = Duration.ofSeconds(1);

			/**
			 * Longest delay between two offers of an event.
			 */
			private Duration maxBackoff = Duration.ofMinutes(1);

			public int getMaxAttempts() {
				return this.maxAttempts;
			}

			public void setMaxAttempts(int maxAttempts) {
				this.maxAttempts = maxAttempts;
			}

			public Duration getBackoff() {
				return this.backoff;
			}

			public void setBackoff(Duration backoff) {
				this.backoff = backoff;
			}

			public Duration getMaxBackoff() {
				return this.maxBackoff;
			}

			public Duration getTimeout() {
				return this.timeout;
			}

			public void setTimeout(Duration timeout) {
				this.timeout = timeout;
			}

			public Duration getRetention() {
				return this.retention;
			}

			public void setRetention(Duration retention) {
				this.retention = retention;
			}

			public void setMaxBackoff(Duration maxBackoff) {
				this.maxBackoff = maxBackoff;
			}

			@Override
			public String toString() {
				return "Delivery[maxAttempts=" + this.maxAttempts + ", backoff=" + this.backoff + ", maxBackoff="
						+ this.maxBackoff + ", timeout=" + this.timeout + ", retention=" + this.retention + "]";
			}

		}

	}

	/**
	 * Retries of failed calls.
	 */
	public static class Retry {

		/**
		 * Whether to retry failed calls at all.
		 */
		private boolean enabled = true;

		/**
		 * Total attempts per call, the first included.
		 */
		private int maxAttempts = 3;

		/**
		 * Delay before the first retry.
		 */
		private Duration initialBackoff = Duration.ofMillis(200);

		/**
		 * Cap for one computed delay.
		 */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * Growth of the delay from one retry to the next.
		 */
		private double multiplier = 2;

		/**
		 * Random part of each delay, as a plus-or-minus fraction of it (0 to 1).
		 */
		private double jitter = 0.5;

		/**
		 * HTTP statuses that are retried (besides throttling and transport failures).
		 */
		private Set<Integer> statuses = new LinkedHashSet<>(List.of(500, 503));

		/**
		 * Least delay after a per-second throttling answer (HTTP 403 QpsLimit*, or 429).
		 */
		private Duration throttledBackoff = Duration.ofSeconds(1);

		/**
		 * Cap for a delay asked for by a Retry-After header.
		 */
		private Duration maxRetryAfter = Duration.ofSeconds(30);

		private final Budget budget = new Budget();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Set<Integer> getStatuses() {
			return this.statuses;
		}

		public void setStatuses(Set<Integer> statuses) {
			this.statuses = statuses;
		}

		public Duration getThrottledBackoff() {
			return this.throttledBackoff;
		}

		public void setThrottledBackoff(Duration throttledBackoff) {
			this.throttledBackoff = throttledBackoff;
		}

		public Duration getMaxRetryAfter() {
			return this.maxRetryAfter;
		}

		public void setMaxRetryAfter(Duration maxRetryAfter) {
			this.maxRetryAfter = maxRetryAfter;
		}

		public Budget getBudget() {
			return this.budget;
		}

		@Override
		public String toString() {
			return "Retry[enabled=" + this.enabled + ", maxAttempts=" + this.maxAttempts + ", initialBackoff="
					+ this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", multiplier=" + this.multiplier
					+ ", jitter=" + this.jitter + ", statuses=" + this.statuses + ", throttledBackoff="
					+ this.throttledBackoff + ", maxRetryAfter=" + this.maxRetryAfter + ", budget=" + this.budget + "]";
		}

		/**
		 * The client-wide retry budget: every retryable failure takes a token, every
		 * success gives back token-ratio; while the bucket is at most half full, calls
		 * are not retried.
		 */
		public static class Budget {

			/**
			 * Whether retries are capped by the budget.
			 */
			private boolean enabled = true;

			/**
			 * Size of the token bucket.
			 */
			private double maxTokens = 100;

			/**
			 * Tokens one successful answer gives back.
			 */
			private double tokenRatio = 0.1;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public double getMaxTokens() {
				return this.maxTokens;
			}

			public void setMaxTokens(double maxTokens) {
				this.maxTokens = maxTokens;
			}

			public double getTokenRatio() {
				return this.tokenRatio;
			}

			public void setTokenRatio(double tokenRatio) {
				this.tokenRatio = tokenRatio;
			}

			@Override
			public String toString() {
				return "Budget[enabled=" + this.enabled + ", maxTokens=" + this.maxTokens + ", tokenRatio="
						+ this.tokenRatio + "]";
			}

		}

	}

}
