package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tracked tasks and their leases in a real Redis, seen by two instances' stores.
 */
@RequiresDocker
@Testcontainers
class RedisTrackedTaskStoreTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private static final Duration LEASE = Duration.ofSeconds(1);

	@Container
	static GenericContainer<?> redis = RedisContainers.redis();

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate template;

	private final RedisKeys keys = new RedisKeys("test", "app:" + UUID.randomUUID());

	private final RedisTrackedTaskStore a = store();

	private final RedisTrackedTaskStore b = store();

	@BeforeAll
	static void connect() {
		connectionFactory = RedisContainers.connectionFactory(redis);
		template = new ReactiveStringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@Test
	void aTaskIsKeptWithItsAttributesAndLastState() {
		TrackedTask task = task("t1");
		assertThat(this.a.add(task).block(BLOCK)).isTrue();
		StorageTask running = new StorageTask("t1", StorageTaskStatus.IN_PROGRESS, 10, 4, 1, null,
				Instant.parse("2026-11-29T06:00:00Z"), null);
		this.a.update(task.withLastState(running)).block(BLOCK);

		assertThat(this.b.list().collectList().block(BLOCK)).containsExactly(task.withLastState(running));
	}

	@Test
	void addingATrackedTaskAgainKeepsTheFirst() {
		this.a.add(task("t1")).block(BLOCK);
		TrackedTask second = new TrackedTask("t1", "other", Map.of("job", "2"), Instant.now(), null);

		assertThat(this.b.add(second).block(BLOCK)).isFalse();
		assertThat(this.a.list().collectList().block(BLOCK)).singleElement()
			.satisfies((kept) -> assertThat(kept.unionId()).isEqualTo("union"));
	}

	@Test
	void aTaskLeasedToOneInstanceIsNotClaimedByAnother() {
		this.a.add(task("t1")).block(BLOCK);

		assertThat(this.b.claim(List.of()).collectList().block(BLOCK)).isEmpty();
		assertThat(this.a.claim(List.of("t1")).map(TrackedTask::taskId).collectList().block(BLOCK))
			.containsExactly("t1");
	}

	@Test
	void anotherInstanceTakesATaskOverOnceItsLeaseRunsOut() {
		this.a.add(task("t1")).block(BLOCK);

		await().atMost(BLOCK)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.b.claim(List.of()).collectList().block(BLOCK).isEmpty());

		assertThat(this.a.claim(List.of("t1")).collectList().block(BLOCK)).as("a lost its lease").isEmpty();
		assertThat(this.b.claim(List.of("t1")).map(TrackedTask::taskId).collectList().block(BLOCK))
			.containsExactly("t1");
	}

	@Test
	void aReleasedTaskIsClaimedAtOnce() {
		RedisTrackedTaskStore longLease = new RedisTrackedTaskStore(template, this.keys,
				new ClusterState(Duration.ofSeconds(5)), Duration.ofHours(1));
		longLease.add(task("t1")).block(BLOCK);
		longLease.release(List.of("t1")).block(BLOCK);

		assertThat(this.b.claim(List.of()).map(TrackedTask::taskId).collectList().block(BLOCK)).containsExactly("t1");
	}

	@Test
	void aRemovedTaskIsNeitherListedNorClaimed() {
		this.a.add(task("t1")).block(BLOCK);

		assertThat(this.b.remove("t1").block(BLOCK)).isTrue();

		assertThat(this.a.list().collectList().block(BLOCK)).isEmpty();
		assertThat(this.a.claim(List.of("t1")).collectList().block(BLOCK)).isEmpty();
		assertThat(this.b.remove("t1").block(BLOCK)).isFalse();
	}

	@Test
	void anUnreadableEntryIsSkippedNotFatal() {
		this.a.add(task("t1")).block(BLOCK);
		template.opsForHash().put(this.keys.key("tracker:tasks"), "t2", "{not json").block(BLOCK);

		assertThat(this.b.list().map(TrackedTask::taskId).collectList().block(BLOCK)).containsExactly("t1");
	}

	private RedisTrackedTaskStore store() {
		return new RedisTrackedTaskStore(template, this.keys, new ClusterState(Duration.ofSeconds(5)), LEASE);
	}

	private static TrackedTask task(String taskId) {
		return new TrackedTask(taskId, "union", Map.of("job", "1"), Instant.parse("2026-11-29T06:00:00Z"), null);
	}

}
