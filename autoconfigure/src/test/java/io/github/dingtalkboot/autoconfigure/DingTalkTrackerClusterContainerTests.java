package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import reactor.core.publisher.Flux;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.ProgressingDingTalk;
import io.github.dingtalkboot.testsupport.RedisContainers;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracked tasks kept in Redis by two instances of an application (two application
 * contexts in this JVM), against one fake DingTalk whose tasks run for known times.
 */
@RequiresDocker
@Testcontainers
class DingTalkTrackerClusterContainerTests {

	private static final Duration BLOCK = Duration.ofSeconds(60);

	/**
	 * Every completion event any instance received: the instance's name and the event.
	 */
	static final Map<String, List<String>> deliveries = new ConcurrentHashMap<>();

	@Container
	static GenericContainer<?> redis = RedisContainers.redis();

	private final ProgressingDingTalk dingtalk = new ProgressingDingTalk();

	private final String keyPrefix = "test-" + UUID.randomUUID();

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	DingTalkTrackerClusterContainerTests() throws Exception {
		deliveries.clear();
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
		Map<String, Long> perTask = deliveries.values()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.groupingBy((taskId) -> taskId, Collectors.counting()));
		assertThat(perTask).allSatisfy((taskId, count) -> assertThat(count).as(taskId).isOne());
		assertThat(deliveries.get("b")).as("b completed what a left").isNotEmpty();
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
		RedisContainers.pause(redis);
		try {
			tracker.track("long").block(BLOCK);
			await().atMost(BLOCK).until(() -> this.dingtalk.polls("long") >= 2);
			assertThat(tracker.trackedTasks().collectList().block(BLOCK)).hasSize(1);
		}
		finally {
			RedisContainers.unpause(redis);
		}
		ConfigurableApplicationContext b = start("b");

		await().atMost(BLOCK)
			.untilAsserted(
					() -> assertThat(b.getBean(StorageTaskTracker.class).trackedTasks().collectList().block(BLOCK))
						.singleElement()
						.satisfies((task) -> assertThat(task.taskId()).isEqualTo("long")));
	}

	private static List<String> deliveredTasks() {
		return deliveries.values().stream().flatMap(List::stream).distinct().toList();
	}

	private ConfigurableApplicationContext start(String name, String... properties) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Instance.class)
			.web(WebApplicationType.NONE)
			.properties("spring.data.redis.host=" + redis.getHost(),
					"spring.data.redis.port=" + redis.getMappedPort(6379), "dingtalk.cluster.enabled=true",
					"dingtalk.cluster.key-prefix=" + this.keyPrefix, "dingtalk.base-url=" + this.dingtalk.baseUrl(),
					"dingtalk.app-key=key", "dingtalk.app-secret=secret", "dingtalk.storage.union-id=union",
					"instance.name=" + name)
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
			deliveries.computeIfAbsent(this.name, (key) -> new CopyOnWriteArrayList<>())
				.add(event.getTrackedTask().taskId());
		}

	}

}
