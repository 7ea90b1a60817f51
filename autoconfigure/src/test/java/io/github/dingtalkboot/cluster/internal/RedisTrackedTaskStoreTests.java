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

package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.storage.internal.TrackedTaskStore;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import io.github.dingtalkboot.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;

import org.springframework.data.domain.Range;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Tracked tasks and their leases in a real Redis, seen by two instances' stores.
 */
@RequiresDocker
class RedisTrackedTaskStoreTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private static final Duration LEASE = Duration.ofSeconds(1);

	private static final Duration MAX_AGE = Duration.ofHours(1);

	private static final Duration RETENTION = Duration.ofHours(2);

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final RedisKeys keys = new RedisKeys("test", "app:" + UUID.randomUUID());

	private final RedisTrackedTaskStore a = store();

	private final RedisTrackedTaskStore b = store();

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

		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).isEmpty();
		assertThat(this.a.claim(List.of("t1")).block(BLOCK)).isEqualTo(renewed());
	}

	@Test
	void anotherInstanceTakesATaskOverOnceItsLeaseRunsOut() {
		this.a.add(task("t1")).block(BLOCK);

		awaitTakenByB();

		assertThat(this.a.claim(List.of("t1")).block(BLOCK).lost()).as("a lost its lease").containsExactly("t1");
		assertThat(this.b.claim(List.of("t1")).block(BLOCK)).isEqualTo(renewed());
	}

	@Test
	void aReleasedTaskIsClaimedAtOnce() {
		RedisTrackedTaskStore longLease = new RedisTrackedTaskStore(redis.template(), this.keys,
				new ClusterState(Duration.ofSeconds(5)), Duration.ofHours(1), MAX_AGE, RETENTION);
		longLease.add(task("t1")).block(BLOCK);
		longLease.release(List.of("t1")).block(BLOCK);

		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).containsExactly(task("t1"));
	}

	@Test
	void aRemovedTaskIsNeitherListedNorClaimed() {
		this.a.add(task("t1")).block(BLOCK);

		assertThat(this.b.remove("t1").block(BLOCK)).isTrue();

		assertThat(this.a.list().collectList().block(BLOCK)).isEmpty();
		assertThat(this.a.claim(List.of("t1")).block(BLOCK).lost()).as("removed, not lost by Redis")
			.containsExactly("t1");
		assertThat(this.b.remove("t1").block(BLOCK)).isFalse();
	}

	@Test
	void aTaskRedisLostIsReportedMissingToTheInstanceThatFollowsIt() {
		this.a.add(task("t1")).block(BLOCK);
		flush();

		assertThat(this.a.claim(List.of("t1")).block(BLOCK).missing()).containsExactly("t1");
		assertThat(this.a.update(task("t1")).block(BLOCK)).isEqualTo(TrackedTaskStore.Update.MISSING);
	}

	@Test
	void aTaskWrittenBackAfterALossIsHeldByTheWriterAgain() {
		this.a.add(task("t1")).block(BLOCK);
		flush();

		assertThat(this.a.add(task("t1")).block(BLOCK)).isTrue();

		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).isEmpty();
		assertThat(this.a.claim(List.of("t1")).block(BLOCK)).isEqualTo(renewed());
	}

	@Test
	void onlyTheHolderSavesATask() {
		this.a.add(task("t1")).block(BLOCK);
		awaitTakenByB();

		assertThat(this.a.update(task("t1").withLastState(ended())).block(BLOCK))
			.isEqualTo(TrackedTaskStore.Update.TAKEN_OVER);
		assertThat(this.b.list().collectList().block(BLOCK)).containsExactly(task("t1"));
		assertThat(this.b.update(task("t1").withLastState(ended())).block(BLOCK))
			.isEqualTo(TrackedTaskStore.Update.SAVED);
	}

	@Test
	void onlyTheHolderFinishesATask() {
		this.a.add(task("t1")).block(BLOCK);
		awaitTakenByB();

		assertThat(this.a.finish("t1").block(BLOCK)).isFalse();
		assertThat(this.b.list().collectList().block(BLOCK)).hasSize(1);
		assertThat(this.b.finish("t1").block(BLOCK)).isTrue();
		assertThat(this.b.list().collectList().block(BLOCK)).isEmpty();
	}

	@Test
	void anUpdateOfARemovedTaskSaysSo() {
		this.a.add(task("t1")).block(BLOCK);
		this.b.remove("t1").block(BLOCK);

		assertThat(this.a.update(task("t1")).block(BLOCK)).isEqualTo(TrackedTaskStore.Update.REMOVED);
		assertThat(this.a.list().collectList().block(BLOCK)).isEmpty();
	}

	@Test
	void aTaskTrackedAgainAfterItsRemovalIsNoLongerTakenForRemoved() {
		this.a.add(task("t1")).block(BLOCK);
		this.a.remove("t1").block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		flush();

		assertThat(this.a.claim(List.of("t1")).block(BLOCK).missing()).containsExactly("t1");
	}

	@Test
	void aLeaseSetWhileRedisClockWasAheadLastsOneLeaseAtMost() {
		this.a.add(task("t1")).block(BLOCK);
		// as if Redis's clock stepped back by an hour after the lease was written
		anHourAhead("tracker:leases", "t1");
		this.b.claim(List.of()).block(BLOCK);

		awaitTakenByB();
	}

	@Test
	void aRoutineClaimSendsNoHeldIdsAndIsAnsweredOnlyWhatChanged() {
		List<String> ids = IntStream.range(0, 1000).mapToObj((i) -> "task-" + i + "-" + UUID.randomUUID()).toList();
		this.a.claim(List.of()).block(BLOCK);
		Flux.fromIterable(ids).concatMap((id) -> this.a.add(task(id))).blockLast(BLOCK);
		this.a.claim(ids).block(BLOCK);

		long[] before = networkBytes();
		TrackedTaskStore.Claim claim = this.a.claim(ids).block(BLOCK);
		long[] after = networkBytes();

		assertThat(claim).isEqualTo(renewed());
		// the ids alone are 45 KB; the claim, and the INFO that measures it, a few
		// hundred bytes
		assertThat(after[0] - before[0]).as("bytes to Redis").isLessThan(4_000);
		assertThat(after[1] - before[1]).as("bytes from Redis").isLessThan(8_000);
	}

	@Test
	void aTaskUntrackedOnAnotherInstanceIsReportedLostAtItsHoldersNextRoutineClaim() {
		this.a.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		this.a.add(task("t2")).block(BLOCK);
		this.a.claim(List.of("t1", "t2")).block(BLOCK);

		this.b.remove("t1").block(BLOCK);

		assertThat(this.a.claim(List.of("t1", "t2")).block(BLOCK).lost()).containsExactly("t1");
		assertThat(this.a.claim(List.of("t2")).block(BLOCK)).isEqualTo(renewed());
	}

	@Test
	void theTasksOfAnInstanceWhoseLeaseRanOutAreTakenByTheNextClaim() {
		this.a.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		this.a.add(task("t2")).block(BLOCK);

		await().atMost(BLOCK)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.b.claim(List.of()).block(BLOCK).taken().size() == 2);

		assertThat(redis.template().opsForZSet().size(this.keys.key("tracker:instances")).block(BLOCK))
			.as("only b's lease")
			.isEqualTo(1);
		assertThat(this.a.claim(List.of("t1", "t2")).block(BLOCK).lost()).as("a reconciles and learns it lost both")
			.containsExactlyInAnyOrder("t1", "t2");
	}

	@Test
	void anInstanceWhoseLeaseRanOutKeepsTheTasksNobodyTookWhenItClaimsAgain() throws InterruptedException {
		this.a.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		Thread.sleep(LEASE.multipliedBy(2).toMillis());

		assertThat(this.a.claim(List.of("t1")).block(BLOCK)).isEqualTo(renewed());
		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).isEmpty();
	}

	@Test
	void anInstanceLeaseSetWhileRedisClockWasAheadLastsOneLeaseAtMost() {
		this.a.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		List<String> instances = redis.template()
			.opsForZSet()
			.range(this.keys.key("tracker:instances"), Range.unbounded())
			.collectList()
			.block(BLOCK);
		// as if Redis's clock stepped back by an hour after a's lease was written
		instances.forEach((instance) -> anHourAhead("tracker:instances", instance));
		this.b.claim(List.of()).block(BLOCK);

		awaitTakenByB();
	}

	@Test
	void aHeldIdRedisLostWithTheIndexIsFoundByThePeriodicFullClaim() {
		this.a.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		// as if a failover lost the task but kept the instance's lease
		redis.template().opsForHash().remove(this.keys.key("tracker:tasks"), "t1").block(BLOCK);

		Set<String> missing = Set.of();
		for (int i = 0; i <= RedisTrackedTaskStore.RECONCILE_EVERY && missing.isEmpty(); i++) {
			missing = this.a.claim(List.of("t1")).block(BLOCK).missing();
		}

		assertThat(missing).containsExactly("t1");
	}

	@Test
	void aTaskTakenByAClaimWhoseAnswerWasLostIsTakenAgainByAFullClaim() {
		this.a.add(task("t1")).block(BLOCK);
		this.a.release(List.of("t1")).block(BLOCK);
		// b takes t1, but its answer never reaches b's tracker (a timeout after Redis ran
		// it)
		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).hasSize(1);

		List<TrackedTask> taken = List.of();
		for (int i = 0; i <= RedisTrackedTaskStore.RECONCILE_EVERY && taken.isEmpty(); i++) {
			taken = this.b.claim(List.of()).block(BLOCK).taken();
		}

		assertThat(taken).containsExactly(task("t1"));
	}

	@Test
	void theFirstClaimAnsweredAfterAFailedOneIsFullAndTakesWhatTheLostAnswerGave() {
		// a lease that outlasts the test: only the failure can make the next claim full
		RedisTrackedTaskStore impatient = new RedisTrackedTaskStore(redis.template(), this.keys,
				new ClusterState(Duration.ofMillis(300)), Duration.ofHours(1), MAX_AGE, RETENTION);
		impatient.claim(List.of()).block(BLOCK);
		this.a.add(task("t1")).block(BLOCK);
		this.a.release(List.of("t1")).block(BLOCK);
		// the claim is sent while Redis pauses: it times out, and Redis runs it
		// afterwards
		RedisContainers.pauseClients(redis.container(), Duration.ofSeconds(2));
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> impatient.claim(List.of()).block(BLOCK));

		TrackedTaskStore.Claim answered = await().atMost(BLOCK)
			.pollInterval(Duration.ofMillis(200))
			.ignoreExceptions()
			.until(() -> impatient.claim(List.of()).block(BLOCK), Objects::nonNull);

		assertThat(answered.taken()).containsExactly(task("t1"));
	}

	@Test
	void aGracefulStopFreesEveryTaskItsInstanceHoldsAtOnce() {
		RedisTrackedTaskStore longLease = new RedisTrackedTaskStore(redis.template(), this.keys,
				new ClusterState(Duration.ofSeconds(5)), Duration.ofHours(1), MAX_AGE, RETENTION);
		longLease.add(task("t1")).block(BLOCK);
		longLease.claim(List.of("t1")).block(BLOCK);
		longLease.add(task("t2")).block(BLOCK);

		longLease.release(List.of("t1")).block(BLOCK);

		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).extracting(TrackedTask::taskId)
			.containsExactlyInAnyOrder("t1", "t2");
	}

	private static long[] networkBytes() {
		Properties stats = redis.template()
			.getConnectionFactory()
			.getReactiveConnection()
			.serverCommands()
			.info("stats")
			.block(BLOCK);
		return new long[] { Long.parseLong(stats.getProperty("total_net_input_bytes")),
				Long.parseLong(stats.getProperty("total_net_output_bytes")) };
	}

	@Test
	void everyTrackerKeyExpiresWhenNoInstanceIsActive() {
		// after twice the longer of max-age and the retention of tasks set aside
		this.a.add(task("t1")).block(BLOCK);
		this.a.claim(List.of("t1")).block(BLOCK);

		for (String name : List.of("tracker:tasks", "tracker:holders", "tracker:instances", "tracker:held")) {
			Duration ttl = redis.template().getExpire(this.keys.key(name)).block(BLOCK);
			assertThat(ttl).as(name).isPositive().isLessThanOrEqualTo(RETENTION.multipliedBy(2).plus(LEASE));
		}
	}

	@Test
	void aTaskSetAsideIsListedButNotClaimedUntilRedelivered() {
		this.a.add(task("t1").withLastState(ended())).block(BLOCK);
		TrackedTask undelivered = task("t1").withLastState(ended()).withUndeliveredSince(Instant.now());

		assertThat(this.a.park(undelivered).block(BLOCK)).isTrue();

		assertThat(this.b.list().collectList().block(BLOCK)).containsExactly(undelivered);
		releaseEverything();
		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).isEmpty();
		assertThat(this.b.redeliver("t1").block(BLOCK)).isTrue();
		assertThat(this.b.claim(List.of()).block(BLOCK).taken()).containsExactly(task("t1").withLastState(ended()));
		assertThat(this.b.redeliver("t1").block(BLOCK)).isFalse();
	}

	@Test
	void onlyTheHolderSetsATaskAside() {
		this.a.add(task("t1")).block(BLOCK);

		assertThat(this.b.park(task("t1").withUndeliveredSince(Instant.now())).block(BLOCK)).isFalse();
		assertThat(this.a.list().collectList().block(BLOCK)).containsExactly(task("t1"));
	}

	@Test
	void aTaskSetAsideLongerThanItsRetentionIsForgotten() {
		this.a.add(task("t1")).block(BLOCK);
		this.a.park(task("t1").withUndeliveredSince(Instant.now())).block(BLOCK);
		// as if it was set aside three hours ago
		redis.template()
			.opsForZSet()
			.add(this.keys.key("tracker:undelivered-at"), "t1", System.currentTimeMillis() - 3 * 3_600_000)
			.block(BLOCK);

		this.b.claim(List.of()).block(BLOCK);

		assertThat(this.b.list().collectList().block(BLOCK)).isEmpty();
		assertThat(this.b.redeliver("t1").block(BLOCK)).isFalse();
	}

	@Test
	void untrackingATaskSetAsideForgetsIt() {
		this.a.add(task("t1")).block(BLOCK);
		this.a.park(task("t1").withUndeliveredSince(Instant.now())).block(BLOCK);

		this.b.remove("t1").block(BLOCK);

		assertThat(this.b.list().collectList().block(BLOCK)).isEmpty();
	}

	private void awaitTakenByB() {
		await().atMost(BLOCK)
			.pollInterval(Duration.ofMillis(200))
			.until(() -> !this.b.claim(List.of()).block(BLOCK).taken().isEmpty());
	}

	private void anHourAhead(String key, String member) {
		redis.template()
			.opsForZSet()
			.add(this.keys.key(key), member, System.currentTimeMillis() + 3_600_000)
			.block(BLOCK);
	}

	/** Every lease runs out now, as if every holder had stopped. */
	private void releaseEverything() {
		redis.template().delete(this.keys.key("tracker:holders"), this.keys.key("tracker:instances")).block(BLOCK);
	}

	@Test
	void anEntryNoInstanceCanReadIsSetAsideAfterTenTries() {
		redis.template().opsForHash().put(this.keys.key("tracker:tasks"), "t2", "{not json").block(BLOCK);
		redis.template().opsForZSet().add(this.keys.key("tracker:leases"), "t2", 0).block(BLOCK);

		for (int i = 0; i < RedisTrackedTaskStore.MAX_UNREADABLE; i++) {
			assertThat(this.a.claim(List.of()).block(BLOCK).taken()).isEmpty();
		}

		assertThat(redis.template().opsForHash().hasKey(this.keys.key("tracker:tasks"), "t2").block(BLOCK)).isFalse();
		assertThat(redis.template().opsForHash().get(this.keys.key("tracker:dead"), "t2").block(BLOCK))
			.isEqualTo("{not json");
		assertThat(redis.template().opsForZSet().size(this.keys.key("tracker:leases")).block(BLOCK)).isZero();
	}

	@Test
	void anUnreadableEntryIsSkippedNotFatal() {
		this.a.add(task("t1")).block(BLOCK);
		redis.template().opsForHash().put(this.keys.key("tracker:tasks"), "t2", "{not json").block(BLOCK);

		assertThat(this.b.list().map(TrackedTask::taskId).collectList().block(BLOCK)).containsExactly("t1");
	}

	private RedisTrackedTaskStore store() {
		return new RedisTrackedTaskStore(redis.template(), this.keys, new ClusterState(Duration.ofSeconds(5)), LEASE,
				MAX_AGE, RETENTION);
	}

	/** What FLUSHALL, or a restart without persistence, does to this test's keys. */
	private void flush() {
		for (String name : List.of("tracker:tasks", "tracker:leases", "tracker:holders", "tracker:removed",
				"tracker:instances", "tracker:held", "tracker:inbox")) {
			redis.template().delete(this.keys.key(name)).block(BLOCK);
		}
	}

	private static TrackedTaskStore.Claim renewed() {
		return new TrackedTaskStore.Claim(List.of(), Set.of(), Set.of());
	}

	private static StorageTask ended() {
		return new StorageTask("t1", StorageTaskStatus.SUCCESS, 10, 10, 0, null, Instant.parse("2026-11-29T06:00:00Z"),
				Instant.parse("2026-11-29T06:01:00Z"));
	}

	private static TrackedTask task(String taskId) {
		return new TrackedTask(taskId, "union", Map.of("job", "1"), Instant.parse("2026-11-29T06:00:00Z"), null);
	}

}
