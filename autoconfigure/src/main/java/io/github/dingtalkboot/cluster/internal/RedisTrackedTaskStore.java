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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	private static final String NOW = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			""";

	/**
	 * The holder's entry in the index of held tasks ({@code instance:taskId}, all scored
	 * 0, so that one instance's entries are one lexical range), dropped; and a task made
	 * the given instance's: in the index while that instance's lease runs, otherwise (it
	 * has not claimed yet, or its lease ran out) on a lease of its own, so that it is
	 * taken over if the instance dies before it claims.
	 */
	private static final String HOLDING = """
			local function unindex(id)
			  local holder = redis.call('HGET', KEYS[3], id)
			  if holder then redis.call('ZREM', KEYS[10], holder .. ':' .. id) end
			  return holder
			end
			local function hold(id, instance, lease)
			  redis.call('HSET', KEYS[3], id, instance)
			  if tonumber(redis.call('ZSCORE', KEYS[9], instance) or '0') > now then
			    redis.call('ZADD', KEYS[10], 0, instance .. ':' .. id)
			    redis.call('ZREM', KEYS[2], id)
			  else
			    redis.call('ZADD', KEYS[2], now + lease, id)
			  end
			end
			""";

	private static final RedisScript<Long> ADD = RedisScript.of(NOW + HOLDING + """
			if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
			unindex(ARGV[1])
			hold(ARGV[1], ARGV[3], tonumber(ARGV[4]))
			redis.call('ZREM', KEYS[4], ARGV[1])
			redis.call('HDEL', KEYS[5], ARGV[1])
			for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
			return 1
			""", Long.class);

	/** 1 saved, 0 held by another instance, 2 removed, 3 unknown (Redis lost it). */
	private static final RedisScript<Long> UPDATE = RedisScript.of(NOW + HOLDING + """
			if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
			  if redis.call('ZSCORE', KEYS[4], ARGV[1]) then return 2 end
			  return 3
			end
			local holder = redis.call('HGET', KEYS[3], ARGV[1])
			if holder and holder ~= ARGV[3] then return 0 end
			if not holder then hold(ARGV[1], ARGV[3], tonumber(ARGV[4])) end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			return 1
			""", Long.class);

	/**
	 * Forgets a task; a holder other than the caller finds the id in its inbox at its
	 * next claim, so that it stops following the task without sending what it holds.
	 */
	private static final String FORGET = """
			redis.call('HDEL', KEYS[7], ARGV[1])
			redis.call('ZREM', KEYS[8], ARGV[1])
			redis.call('ZREM', KEYS[2], ARGV[1])
			local holder = unindex(ARGV[1])
			if holder and holder ~= ARGV[2] then redis.call('ZADD', KEYS[11], 0, holder .. ':' .. ARGV[1]) end
			redis.call('HDEL', KEYS[3], ARGV[1])
			redis.call('HDEL', KEYS[5], ARGV[1])
			redis.call('ZADD', KEYS[4], now, ARGV[1])
			return redis.call('HDEL', KEYS[1], ARGV[1])
			""";

	private static final RedisScript<Long> FINISH = RedisScript.of(NOW + HOLDING + """
			local current = redis.call('HGET', KEYS[3], ARGV[1])
			if current and current ~= ARGV[2] then return 0 end
			""" + FORGET, Long.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of(NOW + HOLDING + FORGET, Long.class);

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
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of(
			NOW + HOLDING
					+ """
							local self = ARGV[1]
							local expiry = now + tonumber(ARGV[2])
							local full = ARGV[7] == 'full'
							local function first(instance) return '[' .. instance .. ':' end
							local function last(instance) return '(' .. instance .. ';' end
							if not full and tonumber(redis.call('ZSCORE', KEYS[9], self) or '0') <= now then
							  return {{}, {}, {}, 1}
							end
							redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now - tonumber(ARGV[5]))
							for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[8], '-inf', now - tonumber(ARGV[6]), 'LIMIT', 0, tonumber(ARGV[3]))) do
							  redis.call('HDEL', KEYS[7], id)
							  redis.call('ZREM', KEYS[8], id)
							end
							local lost, missing, taken = {}, {}, {}
							local prefix = #self + 2
							if full then
							  local sent = {}
							  for i = 8, #ARGV do sent[ARGV[i]] = true end
							  for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[10], first(self), last(self))) do
							    local id = string.sub(entry, prefix)
							    if not sent[id] and redis.call('HGET', KEYS[3], id) == self then
							      redis.call('ZADD', KEYS[2], 0, id)
							      redis.call('HDEL', KEYS[3], id)
							    end
							  end
							  redis.call('ZREMRANGEBYLEX', KEYS[10], first(self), last(self))
							  redis.call('ZREMRANGEBYLEX', KEYS[11], first(self), last(self))
							  for i = 8, #ARGV do
							    local id = ARGV[i]
							    if redis.call('HEXISTS', KEYS[1], id) == 1 then
							      local holder = redis.call('HGET', KEYS[3], id)
							      local alive = false
							      if holder and holder ~= self then
							        alive = tonumber(redis.call('ZSCORE', KEYS[2], id) or '0') > now
							          or tonumber(redis.call('ZSCORE', KEYS[9], holder) or '0') > now
							      end
							      if alive then
							        table.insert(lost, id)
							      else
							        if holder and holder ~= self then redis.call('ZREM', KEYS[10], holder .. ':' .. id) end
							        redis.call('HSET', KEYS[3], id, self)
							        redis.call('ZADD', KEYS[10], 0, self .. ':' .. id)
							        redis.call('ZREM', KEYS[2], id)
							      end
							    elseif redis.call('ZSCORE', KEYS[4], id) then
							      table.insert(lost, id)
							    else
							      table.insert(missing, id)
							    end
							  end
							else
							  for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[11], first(self), last(self))) do
							    table.insert(lost, string.sub(entry, prefix))
							  end
							  redis.call('ZREMRANGEBYLEX', KEYS[11], first(self), last(self))
							end
							redis.call('ZADD', KEYS[9], expiry, self)
							for _, instance in ipairs(redis.call('ZRANGEBYSCORE', KEYS[9], '(' .. expiry, '+inf', 'LIMIT', 0, tonumber(ARGV[3]))) do
							  redis.call('ZADD', KEYS[9], expiry, instance)
							end
							for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. expiry, '+inf', 'LIMIT', 0, tonumber(ARGV[3]))) do
							  redis.call('ZADD', KEYS[2], expiry, id)
							end
							local function take(id)
							  local task = redis.call('HGET', KEYS[1], id)
							  if task then
							    redis.call('HSET', KEYS[3], id, self)
							    redis.call('ZADD', KEYS[10], 0, self .. ':' .. id)
							    table.insert(taken, id)
							    table.insert(taken, task)
							  else
							    redis.call('HDEL', KEYS[3], id)
							  end
							end
							local room = tonumber(ARGV[3])
							while room > 0 do
							  local dead = redis.call('ZRANGEBYSCORE', KEYS[9], '-inf', now, 'LIMIT', 0, 1)
							  if #dead == 0 then break end
							  local instance = dead[1]
							  local entries = redis.call('ZRANGEBYLEX', KEYS[10], first(instance), last(instance), 'LIMIT', 0, room)
							  if #entries < room then
							    redis.call('ZREM', KEYS[9], instance)
							    redis.call('ZREMRANGEBYLEX', KEYS[11], first(instance), last(instance))
							  end
							  room = room - #entries
							  for _, entry in ipairs(entries) do
							    redis.call('ZREM', KEYS[10], entry)
							    local id = string.sub(entry, #instance + 2)
							    if redis.call('HGET', KEYS[3], id) == instance then take(id) end
							  end
							end
							if room > 0 then
							  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, room)) do
							    redis.call('ZREM', KEYS[2], id)
							    unindex(id)
							    take(id)
							  end
							end
							for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
							return {lost, missing, taken, 0}
							""",
			List.class);

	private static final RedisScript<Long> PARK = RedisScript.of(NOW + HOLDING + """
			local holder = redis.call('HGET', KEYS[3], ARGV[1])
			if holder and holder ~= ARGV[3] then return 0 end
			if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
			redis.call('ZREM', KEYS[2], ARGV[1])
			unindex(ARGV[1])
			redis.call('HDEL', KEYS[3], ARGV[1])
			redis.call('HSET', KEYS[7], ARGV[1], ARGV[2])
			redis.call('ZADD', KEYS[8], now, ARGV[1])
			for i = 1, #KEYS do redis.call('PEXPIRE', KEYS[i], ARGV[4]) end
			return 1
			""", Long.class);

	/**
	 * Makes a task set aside claimable at once; 0 when it was not set aside (any more).
	 */
	private static final RedisScript<Long> REDELIVER = RedisScript.of(NOW + HOLDING + """
			if redis.call('HDEL', KEYS[7], ARGV[1]) == 0 then return 0 end
			redis.call('ZREM', KEYS[8], ARGV[1])
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			redis.call('ZADD', KEYS[2], 0, ARGV[1])
			unindex(ARGV[1])
			redis.call('HDEL', KEYS[3], ARGV[1])
			redis.call('ZREM', KEYS[4], ARGV[1])
			return 1
			""", Long.class);

	/**
	 * Frees every task the caller holds, those of its index and the given ids (held on
	 * leases of their own before its first claim), and drops its lease.
	 */
	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local released = 0
			local function free(id)
			  if redis.call('HGET', KEYS[3], id) == ARGV[1] then
			    redis.call('ZADD', KEYS[2], 0, id)
			    redis.call('HDEL', KEYS[3], id)
			    released = released + 1
			  end
			end
			local first, last = '[' .. ARGV[1] .. ':', '(' .. ARGV[1] .. ';'
			for _, entry in ipairs(redis.call('ZRANGEBYLEX', KEYS[10], first, last)) do
			  free(string.sub(entry, #ARGV[1] + 2))
			end
			for i = 2, #ARGV do free(ARGV[i]) end
			redis.call('ZREMRANGEBYLEX', KEYS[10], first, last)
			redis.call('ZREMRANGEBYLEX', KEYS[11], first, last)
			redis.call('ZREM', KEYS[9], ARGV[1])
			return released
			""", Long.class);

	/** Counts a failed read; 1 when the entry was set aside, 0 when it was let go. */
	private static final RedisScript<Long> UNREADABLE = RedisScript.of(NOW + HOLDING + """
			local task = redis.call('HGET', KEYS[1], ARGV[1])
			if not task then return 0 end
			unindex(ARGV[1])
			redis.call('HDEL', KEYS[3], ARGV[1])
			if redis.call('HINCRBY', KEYS[5], ARGV[1], 1) >= tonumber(ARGV[2]) then
			  redis.call('HSET', KEYS[6], ARGV[1], task)
			  redis.call('HDEL', KEYS[1], ARGV[1])
			  redis.call('ZREM', KEYS[2], ARGV[1])
			  redis.call('HDEL', KEYS[5], ARGV[1])
			  return 1
			end
			redis.call('ZADD', KEYS[2], 0, ARGV[1])
			return 0
			""", Long.class);

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
		return claim(reconcile, held).flatMap((answer) -> mustReconcile(answer) ? claim(true, held) : Mono.just(answer))
			.doOnError((ex) -> this.claimsUntilReconcile.set(0))
			.flatMap(this::claimed);
	}

	private Mono<List<?>> claim(boolean reconcile, Collection<String> held) {
		if (reconcile) {
			this.claimsUntilReconcile.set(RECONCILE_EVERY - 1);
		}
		List<String> args = claimArguments(CLAIM_BATCH, reconcile, reconcile ? held : List.of());
		return this.state.guard(this.redis.execute(CLAIM, this.keys, args).next()).map((answer) -> (List<?>) answer);
	}

	private static boolean mustReconcile(List<?> answer) {
		return "1".equals(String.valueOf(answer.get(3)));
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

	private Mono<Claim> claimed(List<?> answer) {
		Set<String> lost = ids(answer.get(0));
		Set<String> missing = ids(answer.get(1));
		List<?> pairs = (List<?>) answer.get(2);
		List<TrackedTask> taken = new ArrayList<>(pairs.size() / 2);
		List<String> unreadable = new ArrayList<>();
		for (int i = 0; i + 1 < pairs.size(); i += 2) {
			String id = String.valueOf(pairs.get(i));
			TrackedTask task = read(String.valueOf(pairs.get(i + 1)));
			if (task != null) {
				taken.add(task);
			}
			else {
				unreadable.add(id);
			}
		}
		Claim claim = new Claim(taken, lost, missing);
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

	private static Set<String> ids(Object ids) {
		Set<String> set = new HashSet<>();
		for (Object id : (List<?>) ids) {
			set.add(String.valueOf(id));
		}
		return set;
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
