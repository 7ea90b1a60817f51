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

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.callback.DingTalkCallbackEvent;
import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.DingTalkPushes;
import io.github.dingtalkboot.testsupport.RedisContainers;
import io.github.dingtalkboot.testsupport.SlidingSecond;
import io.github.dingtalkboot.testsupport.TimestampingDingTalk;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of an application (three application contexts in this JVM) sharing one
 * Redis, against one fake DingTalk that time-stamps every request: on one Redis
 * ({@link DingTalkClusterOnRedisContainerTests}) and on a Redis Cluster
 * ({@link DingTalkClusterOnRedisClusterContainerTests}).
 */
abstract class DingTalkClusterContainerTests {

	private static final Log logger = LogFactory.getLog(DingTalkClusterContainerTests.class);

	private static final Duration BLOCK = Duration.ofSeconds(60);

	private final TimestampingDingTalk dingtalk = new TimestampingDingTalk();

	private final String keyPrefix = "test-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	/** When every instance's rate limiter let a request go (nanoTime). */
	private final List<Long> releases = new CopyOnWriteArrayList<>();

	DingTalkClusterContainerTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.dingtalk.close();
	}

	/**
	 * The properties that point Spring Data Redis at the Redis under test.
	 * @return the properties
	 */
	abstract String[] redisProperties();

	/**
	 * The container the Redis under test runs in.
	 * @return the container
	 */
	abstract GenericContainer<?> container();

	/** Freeze Redis: connections stay open, nothing answers. */
	void pauseRedis() {
		RedisContainers.pause(container());
	}

	void unpauseRedis() {
		RedisContainers.unpause(container());
	}

	ConfigurableApplicationContext start(String unionId, String... properties) {
		List<String> all = new ArrayList<>(List.of(redisProperties()));
		all.addAll(List.of("dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=" + this.keyPrefix,
				"dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.storage.union-id=" + unionId,
				"dingtalk.retry.initial-backoff=10ms", "dingtalk.retry.throttled-backoff=10ms"));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Instance.class)
			.web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.initializers((starting) -> starting.getBeanFactory().addBeanPostProcessor(recordingReleases()))
			.run();
		this.instances.add(context);
		return context;
	}

	/**
	 * Start an instance that is a WebFlux application on a random port, with the callback
	 * endpoint.
	 */
	private ConfigurableApplicationContext startWeb(String... properties) {
		List<String> all = new ArrayList<>(List.of(redisProperties()));
		all.addAll(List.of("dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=" + this.keyPrefix,
				"dingtalk.base-url=" + this.dingtalk.baseUrl(), "server.port=0",
				"dingtalk.callback.token=" + DingTalkPushes.TOKEN,
				"dingtalk.callback.aes-key=" + DingTalkPushes.AES_KEY));
		all.addAll(List.of(properties));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WebInstance.class)
			.web(WebApplicationType.REACTIVE)
			.properties(all.toArray(String[]::new))
			.run();
		this.instances.add(context);
		return context;
	}

	private static String callbackUrl(ConfigurableApplicationContext context) {
		return "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort()
				+ "/dingtalk/callback";
	}

	private List<ConfigurableApplicationContext> startThreeInternalApps() {
		return List.of(start("a", "dingtalk.app-key=key", "dingtalk.app-secret=secret"),
				start("b", "dingtalk.app-key=key", "dingtalk.app-secret=secret"),
				start("c", "dingtalk.app-key=key", "dingtalk.app-secret=secret"));
	}

	private static StorageTaskOperations tasks(ConfigurableApplicationContext context) {
		return context.getBean(StorageTaskOperations.class);
	}

	@Test
	void aColdStartOfThreeInstancesFetchesOneToken() {
		List<ConfigurableApplicationContext> three = startThreeInternalApps();
		Flux.fromIterable(three).flatMap((instance) -> tasks(instance).getTask("t1")).blockLast(BLOCK);
		assertThat(this.dingtalk.tokenRequests()).hasSize(1);
		assertThat(this.dingtalk.storageRequestCount()).isEqualTo(3);
	}

	@Test
	void threeInstancesCallingAsFastAsTheyCanStayWithinOneSharedRate() {
		List<ConfigurableApplicationContext> three = startThreeInternalApps();
		Flux.range(0, 300)
			.flatMap((call) -> tasks(three.get(call % 3)).getTask("t" + call), 300)
			.blockLast(Duration.ofMinutes(2));
		assertThat(this.dingtalk.storageRequestCount()).isEqualTo(300);
		List<Long> arrivals = this.dingtalk.storageRequestMillis();
		logger.info("3 instances, 300 calls at a shared 20 requests/s: at most "
				+ this.dingtalk.maxStorageRequestsInAnySecond() + " requests reached DingTalk in any sliding second "
				+ arrivals + "; at most " + SlidingSecond.most(this.releases) + " were let go in any sliding second");
		// what the shared limiter decides: a stall of this machine between letting a
		// request go and the fake DingTalk reading it (in this JVM, GC included) can
		// still bunch arrivals, so those are only logged
		assertThat(SlidingSecond.most(this.releases)).isLessThanOrEqualTo(21);
		// and what DingTalk sees, in a form a loaded machine cannot break: 300 requests
		// 52.5 ms apart, 21 of them allowed at once, take at least 279 slots
		assertThat(arrivals.get(arrivals.size() - 1) - arrivals.get(0)).isGreaterThanOrEqualTo(279 * 50);
	}

	private BeanPostProcessor recordingReleases() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DingTalkRateLimiter limiter)
						? new RecordingLimiter(limiter, DingTalkClusterContainerTests.this.releases) : bean;
			}

		};
	}

	@Test
	void aThrottlingAnswerToOneInstanceSlowsTheOthersDown() {
		List<ConfigurableApplicationContext> three = startThreeInternalApps();
		DingTalkRateLimiter limiterOfB = three.get(1).getBean(DingTalkRateLimiter.class);
		assertThat(limiterOfB.currentRate()).isEqualTo(20.0);
		this.dingtalk.throttleNextRequestOf("a");
		tasks(three.get(0)).getTask("t1").block(BLOCK);
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(limiterOfB.currentRate()).isLessThan(20.0));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		three.get(2).getBeansOfType(MeterBinder.class).values().forEach((binder) -> binder.bindTo(meters));
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(meters.get("dingtalk.client.rate-limit").gauge().value()).isLessThan(20.0));
	}

	@Test
	void aRedisOutageIsNotAnOutage() {
		List<ConfigurableApplicationContext> three = startThreeInternalApps();
		Flux.fromIterable(three).flatMap((instance) -> tasks(instance).getTask("warm-up")).blockLast(BLOCK);
		pauseRedis();
		try {
			Flux.range(0, 30).flatMap((call) -> tasks(three.get(call % 3)).getTask("t" + call)).blockLast(BLOCK);
			assertThat(this.dingtalk.storageRequestCount()).isEqualTo(33);
			for (ConfigurableApplicationContext instance : three) {
				assertThat(instance.getBean(ClusterState.class).isDegraded()).isTrue();
				Health health = instance.getBean(ReactiveHealthIndicator.class).health().block(BLOCK);
				assertThat(health.getStatus().getCode()).isEqualTo("UP");
				assertThat(health.getDetails()).containsEntry("cluster", "DOWN");
			}
		}
		finally {
			unpauseRedis();
		}
		await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
			for (ConfigurableApplicationContext instance : three) {
				tasks(instance).getTask("after").block(BLOCK);
				assertThat(instance.getBean(ClusterState.class).isDegraded()).isFalse();
			}
		});
	}

	@Test
	void aKeyOfTheWrongTypeIsNotAnOutageButAHealthDown() {
		ConfigurableApplicationContext instance = startThreeInternalApps().get(0);
		tasks(instance).getTask("warm-up").block(BLOCK);
		String rateKey = instance.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class)
			.credentialKeys()
			.key("rate");
		ReactiveStringRedisTemplate redisTemplate = new ReactiveStringRedisTemplate(
				instance.getBean(ReactiveRedisConnectionFactory.class));
		// another application wrote a string where the shared rate's hash lives
		redisTemplate.delete(rateKey).then(redisTemplate.opsForValue().set(rateKey, "not a hash")).block(BLOCK);

		tasks(instance).getTask("t1").block(BLOCK);

		assertThat(instance.getBean(ClusterState.class).isDegraded()).as("not taken for an outage").isFalse();
		Health health = instance.getBean(ReactiveHealthIndicator.class).health().block(BLOCK);
		assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
		assertThat(health.getDetails()).containsEntry("cluster", "REFUSED");
		assertThat(String.valueOf(health.getDetails().get("clusterError"))).contains("WRONGTYPE");
	}

	@Test
	void aTokenRejectedOnOneInstanceIsReplacedForAllWithOneTokenRequest() {
		List<ConfigurableApplicationContext> three = startThreeInternalApps();
		Flux.fromIterable(three).flatMap((instance) -> tasks(instance).getTask("warm-up")).blockLast(BLOCK);
		assertThat(this.dingtalk.tokenRequests()).hasSize(1);
		this.dingtalk.rotateToken();
		this.dingtalk.reject("tok-1");
		tasks(three.get(0)).getTask("t1").block(BLOCK);
		assertThat(this.dingtalk.tokenRequests()).hasSize(2);
		tasks(three.get(1)).getTask("t2").block(BLOCK);
		tasks(three.get(2)).getTask("t3").block(BLOCK);
		assertThat(this.dingtalk.tokenRequests()).as("B and C take the new token from Redis").hasSize(2);
		for (ConfigurableApplicationContext instance : three) {
			assertThat(instance.getBean(AccessTokenSupplier.class).getAccessToken().block(BLOCK)).isEqualTo("tok-2");
		}
	}

	@Test
	void aSuiteTicketSavedOnOneInstanceIsUsedByAnother() {
		String[] suite = { "dingtalk.suite-key=suite-" + ThreadLocalRandom.current().nextInt(),
				"dingtalk.suite-secret=suite-secret", "dingtalk.auth-corp-id=corp" };
		ConfigurableApplicationContext a = start("a", suite);
		ConfigurableApplicationContext c = start("c", suite);
		a.getBean(SuiteTicketStore.class).save("pushed-to-a").block(BLOCK);
		assertThat(c.getBean(AccessTokenSupplier.class).getAccessToken().block(BLOCK)).isEqualTo("tok-1");
		assertThat(this.dingtalk.tokenRequests()).singleElement()
			.asString()
			.contains("\"suiteTicket\":\"pushed-to-a\"");
	}

	@Test
	void eachCorpOfAThirdPartyAppHasOneTokenSharedByEveryInstance() {
		String[] suite = { "dingtalk.suite-key=suite-" + ThreadLocalRandom.current().nextInt(),
				"dingtalk.suite-secret=suite-secret", "dingtalk.suite-ticket=ticket" };
		List<CorpAccessTokenSupplier> two = List.of(start("a", suite).getBean(CorpAccessTokenSupplier.class),
				start("b", suite).getBean(CorpAccessTokenSupplier.class));

		List<String> tokens = Flux.range(0, 40)
			.flatMap((i) -> two.get(i % 2).getAccessToken((i % 4 < 2) ? "corp-a" : "corp-b"))
			.collectList()
			.block(BLOCK);

		assertThat(this.dingtalk.tokenRequests()).hasSize(2)
			.anySatisfy((body) -> assertThat(body).contains("\"authCorpId\":\"corp-a\""))
			.anySatisfy((body) -> assertThat(body).contains("\"authCorpId\":\"corp-b\""));
		assertThat(tokens).hasSize(40).containsOnly("tok-1");
	}

	@Test
	void nothingKeptInRedisHoldsASecret() {
		List<ConfigurableApplicationContext> three = List
			.of(start("a", "dingtalk.app-key=key", "dingtalk.app-secret=app-secret-value"), start("b",
					"dingtalk.suite-key=sk", "dingtalk.suite-secret=suite-secret-value", "dingtalk.auth-corp-id=corp"));
		tasks(three.get(0)).getTask("t1").block(BLOCK);
		three.get(1).getBean(SuiteTicketStore.class).save("ticket").block(BLOCK);
		tasks(three.get(1)).getTask("t2").block(BLOCK);
		ReactiveStringRedisTemplate redisTemplate = new ReactiveStringRedisTemplate(
				three.get(0).getBean(ReactiveRedisConnectionFactory.class));
		List<String> kept = redisTemplate.keys(this.keyPrefix + ":*")
			.flatMap((key) -> redisTemplate.type(key).flatMapMany((type) -> switch (type.code()) {
				case "hash" -> redisTemplate.<String, String>opsForHash().entries(key).map(Object::toString);
				case "zset" -> redisTemplate.opsForZSet().range(key, Range.closed(0L, -1L));
				default -> redisTemplate.opsForValue().get(key);
			}).map((value) -> key + "=" + value))
			.collectList()
			.block(BLOCK);
		assertThat(kept).hasSizeGreaterThanOrEqualTo(5)
			.noneMatch((entry) -> entry.contains("secret-value"))
			.anyMatch((entry) -> entry.contains(":token=tok-1"));
	}

	@Test
	void aSuiteTicketPushedToOneInstanceIsTheOneAnotherUsesForItsNextCorpToken() {
		String suiteKey = "suite-" + ThreadLocalRandom.current().nextInt();
		ConfigurableApplicationContext pushedTo = startWeb("dingtalk.suite-key=" + suiteKey,
				"dingtalk.suite-secret=suite-secret");
		CorpAccessTokenSupplier other = start("b", "dingtalk.suite-key=" + suiteKey,
				"dingtalk.suite-secret=suite-secret")
			.getBean(CorpAccessTokenSupplier.class);
		DingTalkPushes pushes = new DingTalkPushes(suiteKey, Clock.systemUTC());

		HttpResponse<String> reply = pushes.send(callbackUrl(pushedTo),
				pushes.of(DingTalkPushes.suiteTicket(suiteKey, "pushed-ticket")));
		other.getAccessToken("corp-a").block(BLOCK);

		assertThat(pushes.isSuccess(reply.body())).isTrue();
		assertThat(this.dingtalk.tokenRequests()).singleElement()
			.satisfies((body) -> assertThat(body).contains("\"suiteTicket\":\"pushed-ticket\""));
	}

	@Test
	void aPushReplayedToAnotherInstanceIsRefusedThere() {
		String[] app = { "dingtalk.app-key=callback-app", "dingtalk.app-secret=secret" };
		List<ConfigurableApplicationContext> two = List.of(startWeb(app), startWeb(app));
		DingTalkPushes pushes = new DingTalkPushes("callback-app", Clock.systemUTC());
		DingTalkPushes.Push push = pushes.of("{\"EventType\":\"user_add_org\",\"CorpId\":\"c\"}");

		HttpResponse<String> first = pushes.send(callbackUrl(two.get(0)), push);
		HttpResponse<String> replayed = pushes.send(callbackUrl(two.get(1)), push);

		assertThat(pushes.isSuccess(first.body())).isTrue();
		assertThat(replayed.statusCode()).isEqualTo(403);
	}

	@Test
	void anEventDingTalkPushesToTwoInstancesIsPublishedByOneOfThem() {
		String[] app = { "dingtalk.app-key=callback-app", "dingtalk.app-secret=secret" };
		List<ConfigurableApplicationContext> two = List.of(startWeb(app), startWeb(app));
		DingTalkPushes pushes = new DingTalkPushes("callback-app", Clock.systemUTC());
		String event = DingTalkPushes.syncHttpPushHigh(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 4,
				"ding-corp", "{\"syncAction\":\"org_suite_auth\"}");

		HttpResponse<String> first = pushes.send(callbackUrl(two.get(0)), pushes.of(event));
		HttpResponse<String> again = pushes.send(callbackUrl(two.get(1)), pushes.of(event));

		assertThat(pushes.isSuccess(first.body())).isTrue();
		assertThat(pushes.isSuccess(again.body())).isTrue();
		assertThat(two.get(0).getBean(CallbackEvents.class).events).hasSize(1);
		assertThat(two.get(1).getBean(CallbackEvents.class).events).isEmpty();
	}

	@Test
	void aPushIsHandledOnThisInstancesOwnLedgerWhileRedisDoesNotAnswer() {
		ConfigurableApplicationContext instance = startWeb("dingtalk.app-key=callback-app",
				"dingtalk.app-secret=secret");
		DingTalkPushes pushes = new DingTalkPushes("callback-app", Clock.systemUTC());
		String event = DingTalkPushes.syncHttpPushHigh(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE), 4,
				"ding-corp", "{\"syncAction\":\"org_suite_auth\"}");
		assertThat(
				pushes.isSuccess(pushes.send(callbackUrl(instance), pushes.of("{\"EventType\":\"check_url\"}")).body()))
			.isTrue();
		pauseRedis();
		try {
			HttpResponse<String> reply = pushes.send(callbackUrl(instance), pushes.of(event));
			HttpResponse<String> again = pushes.send(callbackUrl(instance), pushes.of(event));

			assertThat(pushes.isSuccess(reply.body())).isTrue();
			assertThat(pushes.isSuccess(again.body())).isTrue();
			assertThat(instance.getBean(CallbackEvents.class).events).hasSize(1);
			assertThat(instance.getBean(ClusterState.class).isDegraded()).isTrue();
		}
		finally {
			unpauseRedis();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			WebClientAutoConfiguration.class, DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class,
			DingTalkHealthContributorAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class })
	static class Instance {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ NettyReactiveWebServerAutoConfiguration.class, HttpHandlerAutoConfiguration.class,
			WebFluxAutoConfiguration.class, DingTalkCallbackAutoConfiguration.class })
	@Import({ Instance.class, CallbackEvents.class })
	static class WebInstance {

	}

	/**
	 * Notes when the shared limiter lets each request go.
	 */
	private record RecordingLimiter(DingTalkRateLimiter limiter, List<Long> releases) implements DingTalkRateLimiter {

		@Override
		public Mono<Void> acquire() {
			return this.limiter.acquire().doOnSuccess((done) -> this.releases.add(System.nanoTime()));
		}

		@Override
		public void onSuccess() {
			this.limiter.onSuccess();
		}

		@Override
		public void onThrottled() {
			this.limiter.onThrottled();
		}

		@Override
		public double currentRate() {
			return this.limiter.currentRate();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CallbackEvents {

		final List<DingTalkCallbackEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(DingTalkCallbackEvent event) {
			this.events.add(event);
		}

	}

}
