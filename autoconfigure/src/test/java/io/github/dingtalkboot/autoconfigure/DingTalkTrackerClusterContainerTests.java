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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.testsupport.CorpsDingTalk;
import io.github.dingtalkboot.testsupport.ProgressingDingTalk;
import io.github.dingtalkboot.testsupport.RedisContainers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracked tasks kept in Redis by two instances of an application (two application
 * contexts in this JVM), against one fake DingTalk whose tasks run for known times: on
 * one Redis ({@link DingTalkTrackerOnRedisContainerTests}) and on a Redis Cluster
 * ({@link DingTalkTrackerOnRedisClusterContainerTests}).
 */
abstract class DingTalkTrackerClusterContainerTests {

	private static final Duration BLOCK = Duration.ofSeconds(60);

	/**
	 * Every completion event any instance received: the instance's name and the event.
	 */
	static final Map<String, List<String>> deliveries = new ConcurrentHashMap<>();

	final ProgressingDingTalk dingtalk = new ProgressingDingTalk();

	private final String keyPrefix = "test-" + UUID.randomUUID();

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	/** The corp each announced task named. */
	static final Map<String, String> announcedCorps = new ConcurrentHashMap<>();

	/** How often the listeners still fail for a task. */
	static final Map<String, AtomicInteger> failing = new ConcurrentHashMap<>();

	DingTalkTrackerClusterContainerTests() throws Exception {
		deliveries.clear();
		failing.clear();
		announcedCorps.clear();
	}

	@AfterEach
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
		this.dingtalk.close();
	}

	@Test
	void theTasksOfAnInstanceThatStopsAreCompletedByAnotherEachAnnouncedOnce() {
		ConfigurableApplicationContext a = start("a");
		start("b");
		StorageTaskTracker trackerOfA = a.getBean(StorageTaskTracker.class);
		Flux.range(0, 100).concatMap((i) -> {
			String taskId = "t" + i;
			this.dingtalk.task(taskId, Duration.ofMillis(1000 + 40L * i), 100);
			return trackerOfA.track(taskId);
		}).blockLast(BLOCK);

		await().atMost(BLOCK).until(() -> deliveredTasks().size() >= 10);
		a.close();

		await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveredTasks()).hasSize(100));
		assertEachDeliveredOnce();
		assertThat(deliveries.get("b")).as("b completed what a left").isNotEmpty();
	}

	@Test
	void aThirdPartyAppsTasksOfTwoCorpsArePolledWithTheirCorpsTokensAfterARestart() throws Exception {
		try (CorpsDingTalk corps = new CorpsDingTalk()) {
			corps.task("ta", "corp-a").task("tb", "corp-b");
			String[] suite = { "dingtalk.base-url=" + corps.baseUrl(), "dingtalk.app-key=", "dingtalk.app-secret=",
					"dingtalk.suite-key=suite", "dingtalk.suite-secret=suite-secret", "dingtalk.suite-ticket=ticket" };
			ConfigurableApplicationContext first = start("first", suite);
			StorageTaskTracker tracker = first.getBean(StorageTaskTracker.class);
			tracker.forCorp("corp-a").track("ta").block(BLOCK);
			tracker.forCorp("corp-b").track("tb").block(BLOCK);
			await().atMost(BLOCK).until(() -> corps.storageTokens().size() >= 2);
			first.close();

			start("second", suite);
			int before = corps.storageTokens().size();
			corps.end("ta").end("tb");

			await().atMost(BLOCK)
				.untilAsserted(() -> assertThat(deliveredTasks()).containsExactlyInAnyOrder("ta", "tb"));
			assertThat(announcedCorps).containsEntry("ta", "corp-a").containsEntry("tb", "corp-b");
			assertThat(deliveries).containsOnlyKeys("second");
			assertThat(corps.storageTokens().subList(before, corps.storageTokens().size()))
				.as("polls after the restart")
				.isNotEmpty()
				.allSatisfy((token) -> assertThat(token).matches("tok-corp-[ab]-\\d+"));
		}
	}

	@Test
	void everyTaskCompletesOnceWhenRedisLosesItsDataMidRun() {
		ConfigurableApplicationContext a = start("a", "dingtalk.tracker.lease=3s");
		ConfigurableApplicationContext b = start("b", "dingtalk.tracker.lease=3s");
		trackTasks(a, b, 60);
		await().atMost(BLOCK).until(() -> deliveredTasks().size() >= 5);

		flushAll();

		await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveredTasks()).hasSize(60));
		assertEachDeliveredOnce();
		await().atMost(BLOCK)
			.untilAsserted(
					() -> assertThat(a.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK))
						.isEmpty());
	}

	@Test
	void anInstanceThatCannotRenewItsLeasesStopsPollingAndEachTaskIsAnnouncedOnce() throws Exception {
		ConfigurableApplicationContext a = start("a", "dingtalk.tracker.lease=3s");
		start("b", "dingtalk.tracker.lease=3s");
		StorageTaskTracker tracker = a.getBean(StorageTaskTracker.class);
		Flux.range(0, 20).concatMap((i) -> {
			this.dingtalk.task("t" + i, Duration.ofSeconds(25), 100);
			return tracker.track("t" + i);
		}).blockLast(BLOCK);
		await().atMost(BLOCK).until(() -> this.dingtalk.polls() >= 20);

		pauseClients(Duration.ofSeconds(13));
		// by its own clock each lease runs out within 3 s (plus a claim tick of 1 s)
		Thread.sleep(8000);
		int polls = this.dingtalk.polls();
		Thread.sleep(4000);

		assertThat(this.dingtalk.polls()).as("polls while no lease could be renewed").isEqualTo(polls);
		await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveredTasks()).hasSize(20));
		Thread.sleep(3000);
		assertEachDeliveredOnce();
	}

	@Test
	void aTaskUntrackedWhileRedisIsDownIsRemovedFromRedisWhenItReturns() {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		ConfigurableApplicationContext a = start("a", "dingtalk.tracker.lease=3s");
		StorageTaskTracker tracker = a.getBean(StorageTaskTracker.class);
		tracker.track("long").block(BLOCK);
		pauseRedis();
		try {
			// Redis is known to be down now, so the removal is not even sent
			tracker.trackedTasks().collectList().block(BLOCK);
			assertThat(tracker.untrack("long").block(BLOCK)).isTrue();
		}
		finally {
			unpauseRedis();
		}

		// read Redis itself: trackedTasks() shows this instance's own tasks while Redis
		// is
		// taken to be down
		ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(
				a.getBean(ReactiveRedisConnectionFactory.class));
		String tasks = a.getBean(DingTalkClusterAutoConfiguration.ClusterRedis.class)
			.credentialKeys()
			.key("tracker:tasks");
		await().atMost(BLOCK).until(() -> !redis.opsForHash().hasKey(tasks, "long").block(BLOCK));
		ConfigurableApplicationContext b = start("b", "dingtalk.tracker.lease=3s");
		assertThat(b.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK)).isEmpty();
	}

	@Test
	void anEventNoListenerTookIsSetAsideAndDeliveredOnceWhenRedeliveredOnAnotherInstance() {
		String[] fastRetries = { "dingtalk.tracker.lease=3s", "dingtalk.tracker.delivery.backoff=10ms",
				"dingtalk.tracker.delivery.max-backoff=50ms" };
		ConfigurableApplicationContext a = start("a", fastRetries);
		ConfigurableApplicationContext b = start("b", fastRetries);
		// ten offers fail, so the task is set aside; then two more fail after the
		// redelivery
		failing.put("flaky", new AtomicInteger(12));
		this.dingtalk.task("flaky", Duration.ofSeconds(1), 10);
		a.getBean(StorageTaskTracker.class).track("flaky").block(BLOCK);

		StorageTaskTracker trackerOfB = b.getBean(StorageTaskTracker.class);
		await().atMost(BLOCK)
			.untilAsserted(() -> assertThat(trackerOfB.trackedTasks().collectList().block(BLOCK)).singleElement()
				.satisfies((task) -> assertThat(task.undeliveredSince()).isNotNull()));
		assertThat(deliveredTasks()).isEmpty();
		int polls = this.dingtalk.polls("flaky");
		assertThat(trackerOfB.redeliver("flaky").block(BLOCK)).isTrue();

		await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveredTasks()).containsExactly("flaky"));
		await().atMost(BLOCK)
			.untilAsserted(() -> assertThat(trackerOfB.trackedTasks().collectList().block(BLOCK)).isEmpty());
		assertEachDeliveredOnce();
		assertThat(this.dingtalk.polls("flaky")).as("delivered from its saved end, not polled again").isEqualTo(polls);
	}

	void trackTasks(ConfigurableApplicationContext a, ConfigurableApplicationContext b, int count) {
		StorageTaskTracker trackerOfA = a.getBean(StorageTaskTracker.class);
		StorageTaskTracker trackerOfB = b.getBean(StorageTaskTracker.class);
		Flux.range(0, count).concatMap((i) -> {
			String taskId = "t" + i;
			// most of them run for longer than several claims (one a second)
			this.dingtalk.task(taskId, Duration.ofMillis(3000 + 100L * i), 100);
			return ((i % 2 == 0) ? trackerOfA : trackerOfB).track(taskId);
		}).blockLast(BLOCK);
	}

	static void assertEachDeliveredOnce() {
		Map<String, Long> perTask = deliveries.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.groupingBy((taskId) -> taskId, Collectors.counting()));
		assertThat(perTask).allSatisfy((taskId, count) -> assertThat(count).as(taskId).isOne());
	}

	@Test
	void aTaskTrackedBeforeARestartCompletesAfterIt() {
		this.dingtalk.task("t1", Duration.ofSeconds(3), 100);
		ConfigurableApplicationContext first = start("first");
		first.getBean(StorageTaskTracker.class).track("t1", "union", Map.of("job", "42")).block(BLOCK);
		first.close();

		ConfigurableApplicationContext restarted = start("restarted");

		await().atMost(BLOCK).untilAsserted(() -> assertThat(deliveries.get("restarted")).containsExactly("t1"));
		assertThat(restarted.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK)).isEmpty();
		assertThat(deliveries).doesNotContainKey("first");
	}

	@Test
	void aTrackedTaskIsPolledByOneInstanceAtATime() throws Exception {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		ConfigurableApplicationContext a = start("a");
		ConfigurableApplicationContext b = start("b");
		long started = System.nanoTime();
		a.getBean(StorageTaskTracker.class).track("long").block(BLOCK);
		b.getBean(StorageTaskTracker.class).track("long").block(BLOCK);

		Thread.sleep(4000);

		// one instance's schedule polls a task at most once per initial-interval (0.5 s),
		// with spare rate-limit slots that often: nine polls in 4 s at the most; two
		// instances would make about twice that
		int polls = this.dingtalk.polls("long");
		long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
		assertThat(polls).isBetween(1, 1 + (int) (elapsed / 500));
		assertThat(a.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK)).hasSize(1);
	}

	@Test
	void aTaskTrackedWhileRedisIsDownIsFollowedAndWrittenToRedisWhenItReturns() {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		ConfigurableApplicationContext a = start("a", "dingtalk.tracker.lease=3s");
		StorageTaskTracker tracker = a.getBean(StorageTaskTracker.class);
		tracker.trackedTasks().collectList().block(BLOCK);
		pauseRedis();
		try {
			tracker.track("long").block(BLOCK);
			await().atMost(BLOCK).until(() -> this.dingtalk.polls("long") >= 2);
			assertThat(tracker.trackedTasks().collectList().block(BLOCK)).hasSize(1);
		}
		finally {
			unpauseRedis();
		}
		ConfigurableApplicationContext b = start("b");

		await().atMost(BLOCK)
			.untilAsserted(
					() -> assertThat(b.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK))
						.singleElement()
						.satisfies((task) -> assertThat(task.taskId()).isEqualTo("long")));
	}

	static List<String> deliveredTasks() {
		return deliveries.values().stream().flatMap(List::stream).distinct().toList();
	}

	/**
	 * The properties that point Spring Data Redis at the Redis under test.
	 * @return the properties
	 */
	abstract String[] redisProperties();

	/** Every key gone at once. */
	abstract void flushAll();

	/** Redis answers no client for a while. */
	abstract void pauseClients(Duration pause);

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

	ConfigurableApplicationContext start(String name, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Instance.class)
			.web(WebApplicationType.NONE)
			.properties(redisProperties())
			.properties("dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=" + this.keyPrefix,
					"dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.app-key=key",
					"dingtalk.app-secret=secret", "dingtalk.storage.union-id=union", "instance.name=" + name)
			.properties(properties)
			.run();
		this.instances.add(context);
		return context;
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			WebClientAutoConfiguration.class, DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class,
			DingTalkTrackerAutoConfiguration.class })
	static class Instance {

		@Value("${instance.name}")
		String name;

		@EventListener
		void completed(StorageTaskCompletedEvent event) {
			String taskId = event.getTrackedTask().taskId();
			AtomicInteger failures = failing.get(taskId);
			if (failures != null && failures.getAndDecrement() > 0) {
				throw new IllegalStateException("listener down");
			}
			deliveries.computeIfAbsent(this.name, (key) -> new CopyOnWriteArrayList<>()).add(taskId);
			announcedCorps.put(taskId, String.valueOf(event.getTrackedTask().corpId()));
		}

	}

}
