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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.storage.internal.TrackedTaskStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Tracked tasks in Redis, leased to one instance at a time: a hash of the tasks (JSON), a
 * hash of the holders, a sorted set of the instances' lease expiry times (Redis's clock,
 * milliseconds) with an index of what each holds, an inbox of the held ids other
 * instances removed, a sorted set of free tasks (and of tasks on a lease of their own,
 * held before their instance's first claim), a sorted set of the ids removed lately
 * (when), and for entries no instance can read, a count of failed reads and a hash of the
 * given-up entries, and a hash and a sorted set of the tasks whose event no listener
 * took.
 * <p>
 * An instance renews its lease every third of the lease with a claim whose cost follows
 * what changed, not what it holds; the tasks of one that stops renewing (it died) are
 * taken by the next instances that claim, from its index. A graceful stop frees its tasks
 * at once. Only the holder saves or finishes a task (fencing), so an instance that lost
 * its lease cannot announce a task another instance announces too. The removed ids tell a
 * task that ended elsewhere from one Redis lost (restart without persistence, failover,
 * eviction, flush): the holder writes the latter back. Every key expires after twice the
 * longest a task is tracked without any instance claiming, so the keys of a retired
 * application go away.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RedisTrackedTaskStore implements TrackedTaskStore, RedisCheck {

	private static final Log logger = LogFactory.getLog(RedisTrackedTaskStore.class);

	/** The most free tasks one claim takes, to bound the time of one script. */
	static final int CLAIM_BATCH = 1000;

	/**
	 * How often an entry may fail to be read before it is set aside: an entry an older
	 * instance cannot read during a rolling update goes to a newer one meanwhile.
	 */
	static final int MAX_UNREADABLE = 10;

	/**
	 * One claim in this many sends every held id, although the lease ran on: this
	 * rebuilds what Redis lost without the instance's lease (an evicted index, a failover
	 * that lost the last writes), at a cost spread over that many claims.
	 */
	static final int RECONCILE_EVERY = 30;

	/** How many entries one page of a listing asks for. */
	static final int LIST_PAGE = 500;

	/** The bound of a whole listing, which grows with the tasks tracked. */
	static final Duration LIST_BOUND = Duration.ofSeconds(5);

	private static final RedisScript<Long> ADD = LuaScripts.load("tracker/add.lua", Long.class);

	/** 1 saved, 0 held by another instance, 2 removed, 3 unknown (Redis lost it). */
	private static final RedisScript<Long> UPDATE = LuaScripts.load("tracker/update.lua", Long.class);

	private static final RedisScript<Long> FINISH = LuaScripts.load("tracker/finish.lua", Long.class);

	private static final RedisScript<Long> REMOVE = LuaScripts.load("tracker/remove.lua", Long.class);

	/**
	 * Answers {lost ids, missing ids, {id, task, id, task, ...} taken, 1 when the caller
	 * must reconcile}. An instance holds its tasks through one lease of its own
	 * ({@code instances}), renewed by each claim, and an index of what it holds; so a
	 * routine claim ({@code ARGV[7]} is not {@code full}) sends no ids, and its work and
	 * answer follow what changed: removals other instances made (the inbox), tasks of
	 * instances whose lease ran out, free tasks. When the caller's own lease is gone or
	 * ran out (Redis lost it, or the caller paused), others may have taken its tasks, so
	 * it is told to reconcile: a full claim sends every held id, renews those whose task
	 * exists and that no live instance holds, frees what Redis has the caller hold
	 * unknown to it (the answer that gave it was lost), and rebuilds the index. Removed
	 * ids are kept for the maximum age, so a held id whose task is gone is either removed
	 * or lost by Redis. Lease times further ahead than one lease (Redis's clock went
	 * back) are brought back to one lease.
	 */
	private static final RedisScript<List<Object>> CLAIM = LuaScripts.list("tracker/claim.lua");

	private static final RedisScript<Long> PARK = LuaScripts.load("tracker/park.lua", Long.class);

	/**
	 * Makes a task set aside claimable at once; 0 when it was not set aside (any more).
	 */
	private static final RedisScript<Long> REDELIVER = LuaScripts.load("tracker/redeliver.lua", Long.class);

	/**
	 * Frees every task the caller holds, those of its index and the given ids (held on
	 * leases of their own before its first claim), and drops its lease.
	 */
	private static final RedisScript<Long> RELEASE = LuaScripts.load("tracker/release.lua", Long.class);

	/** Counts a failed read; 1 when the entry was set aside, 0 when it was let go. */
	private static final RedisScript<Long> UNREADABLE = LuaScripts.load("tracker/unreadable.lua", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final List<String> keys;

	private final String leaseMillis;

	private final String keyTimeToLiveMillis;

	private final String removedRetentionMillis;

	private final String undeliveredRetentionMillis;

	private final String instanceId = UUID.randomUUID().toString();

	private final AtomicInteger claimsUntilReconcile = new AtomicInteger();

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the credential's keys
	 * @param state whether Redis answers
	 * @param lease how long an instance holds a task without renewing
	 * @param maxAge how long a task is tracked at the most
	 * @param undeliveredRetention how long a task set aside is kept
	 */
	public RedisTrackedTaskStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state, Duration lease,
			Duration maxAge, Duration undeliveredRetention) {
		this.redis = redis;
		this.state = state;
		this.keys = List.of(keys.key("tracker:tasks"), keys.key("tracker:leases"), keys.key("tracker:holders"),
				keys.key("tracker:removed"), keys.key("tracker:unreadable"), keys.key("tracker:dead"),
				keys.key("tracker:undelivered"), keys.key("tracker:undelivered-at"), keys.key("tracker:instances"),
				keys.key("tracker:held"), keys.key("tracker:inbox"));
		this.leaseMillis = String.valueOf(lease.toMillis());
		this.removedRetentionMillis = String.valueOf(maxAge.plus(lease).toMillis());
		Duration longest = (maxAge.compareTo(undeliveredRetention) > 0) ? maxAge : undeliveredRetention;
		this.keyTimeToLiveMillis = String.valueOf(longest.multipliedBy(2).plus(lease).toMillis());
		this.undeliveredRetentionMillis = String.valueOf(undeliveredRetention.toMillis());
	}

	@Override
	public Mono<Boolean> add(TrackedTask task) {
		return Mono.defer(
				() -> run(ADD, task.taskId(), write(task), this.instanceId, this.leaseMillis, this.keyTimeToLiveMillis))
			.map((added) -> added == 1);
	}

	@Override
	public Mono<Update> update(TrackedTask task) {
		return Mono.defer(() -> run(UPDATE, task.taskId(), write(task), this.instanceId, this.leaseMillis))
			.map((result) -> switch (result.intValue()) {
				case 1 -> Update.SAVED;
				case 0 -> Update.TAKEN_OVER;
				case 2 -> Update.REMOVED;
				default -> Update.MISSING;
			});
	}

	@Override
	public Mono<Boolean> finish(String taskId) {
		return run(FINISH, taskId, this.instanceId).map((removed) -> removed == 1);
	}

	@Override
	public Mono<Boolean> park(TrackedTask task) {
		return Mono.defer(() -> run(PARK, task.taskId(), write(task), this.instanceId, this.keyTimeToLiveMillis))
			.map((parked) -> parked == 1);
	}

	@Override
	public Mono<Boolean> redeliver(String taskId) {
		return this.state.guard(this.redis.<String, String>opsForHash().get(this.keys.get(6), taskId))
			.mapNotNull(this::read)
			.flatMap((task) -> run(REDELIVER, taskId, write(task.withUndeliveredSince(null))))
			.map((redelivered) -> redelivered == 1)
			.defaultIfEmpty(false);
	}

	@Override
	public Mono<Boolean> remove(String taskId) {
		return run(REMOVE, taskId, this.instanceId).map((removed) -> removed == 1);
	}

	@Override
	public Flux<TrackedTask> list() {
		return this.state
			.guardBulk(Flux.concat(values(this.keys.get(0)), values(this.keys.get(6))).collectList(), LIST_BOUND)
			.flatMapIterable((values) -> {
				List<TrackedTask> tasks = new ArrayList<>(values.size());
				for (String value : values) {
					TrackedTask task = read(value);
					if (task != null) {
						tasks.add(task);
					}
				}
				return tasks;
			});
	}

	/* Every value of a hash, a page at a time rather than in one answer. */
	private Flux<String> values(String key) {
		return this.redis.<String, String>opsForHash()
			.scan(key, ScanOptions.scanOptions().count(LIST_PAGE).build())
			.map(Map.Entry::getValue);
	}

	@Override
	public Mono<Claim> claim(Collection<String> held) {
		boolean reconcile = this.claimsUntilReconcile.getAndDecrement() <= 0;
		return claim(reconcile, held)
			.flatMap((answer) -> answer.mustReconcile() ? claim(true, held) : Mono.just(answer))
			.doOnError((ex) -> this.claimsUntilReconcile.set(0))
			.flatMap(this::claimed);
	}

	private Mono<ClaimAnswer> claim(boolean reconcile, Collection<String> held) {
		if (reconcile) {
			this.claimsUntilReconcile.set(RECONCILE_EVERY - 1);
		}
		List<String> args = claimArguments(CLAIM_BATCH, reconcile, reconcile ? held : List.of());
		return this.state.guard(this.redis.execute(CLAIM, this.keys, args).next()).map(ClaimAnswer::of);
	}

	private List<String> claimArguments(int batch, boolean reconcile, Collection<String> held) {
		List<String> args = new ArrayList<>(held.size() + 7);
		args.add(this.instanceId);
		args.add(this.leaseMillis);
		args.add(String.valueOf(batch));
		args.add(this.keyTimeToLiveMillis);
		args.add(this.removedRetentionMillis);
		args.add(this.undeliveredRetentionMillis);
		args.add(reconcile ? "full" : "routine");
		args.addAll(held);
		return args;
	}

	private Mono<Claim> claimed(ClaimAnswer answer) {
		List<TrackedTask> taken = new ArrayList<>(answer.taken().size());
		List<String> unreadable = new ArrayList<>();
		answer.taken().forEach((id, value) -> {
			TrackedTask task = read(value);
			if (task != null) {
				taken.add(task);
			}
			else {
				unreadable.add(id);
			}
		});
		Claim claim = new Claim(taken, answer.lost(), answer.missing());
		return Flux.fromIterable(unreadable).concatMap(this::unreadable).then(Mono.just(claim));
	}

	private Mono<Void> unreadable(String taskId) {
		return run(UNREADABLE, taskId, String.valueOf(MAX_UNREADABLE)).doOnNext((setAside) -> {
			if (setAside == 1) {
				logger.warn("Tracked task " + taskId + " could not be read " + MAX_UNREADABLE + " times; it is kept in "
						+ this.keys.get(5) + " and no longer followed");
			}
		}).then();
	}

	@Override
	public Mono<Void> check() {
		// a claim that takes nothing: it reads and renews the keys as every claim does
		return this.state.guard(this.redis.execute(CLAIM, this.keys, claimArguments(0, true, List.of())).next()).then();
	}

	@Override
	public Mono<Void> release(Collection<String> held) {
		if (held.isEmpty()) {
			return Mono.empty();
		}
		List<String> args = new ArrayList<>(held.size() + 1);
		args.add(this.instanceId);
		args.addAll(held);
		return this.state.guard(this.redis.execute(RELEASE, this.keys, args).next()).then();
	}

	private Mono<Long> run(RedisScript<Long> script, String... args) {
		return this.state.guard(this.redis.execute(script, this.keys, List.of(args)).next());
	}

	private String write(TrackedTask task) {
		return this.json.writeValueAsString(task);
	}

	private @Nullable TrackedTask read(String value) {
		try {
			return this.json.readValue(value, TrackedTask.class);
		}
		catch (JacksonException ex) {
			// one unreadable entry (written by another version) must not stop the others
			logger.warn("Skipping a tracked task Redis holds that cannot be read: " + ex.getOriginalMessage());
			return null;
		}
	}

	@Override
	public String toString() {
		return "RedisTrackedTaskStore[" + this.keys.get(0) + "]";
	}

}
