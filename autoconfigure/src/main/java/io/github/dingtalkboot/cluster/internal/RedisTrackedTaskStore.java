package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.storage.internal.TrackedTaskStore;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Tracked tasks in Redis, leased to one instance at a time: a hash of the tasks (JSON), a
 * sorted set of lease expiry times (Redis's clock, milliseconds) and a hash of the
 * holders. An instance renews its leases every third of the lease; the tasks of one that
 * stops renewing (it died) are taken by the next instance that claims. A graceful stop
 * gives the leases up at once.
 */
public final class RedisTrackedTaskStore implements TrackedTaskStore {

	private static final Log logger = LogFactory.getLog(RedisTrackedTaskStore.class);

	/** The most free tasks one claim takes, to bound the time of one script. */
	static final int CLAIM_BATCH = 1000;

	private static final String NOW = """
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
			""";

	private static final RedisScript<Long> ADD = RedisScript.of(NOW + """
			if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
			redis.call('ZADD', KEYS[2], now + tonumber(ARGV[4]), ARGV[1])
			redis.call('HSET', KEYS[3], ARGV[1], ARGV[3])
			return 1
			""", Long.class);

	private static final RedisScript<Long> UPDATE = RedisScript.of("""
			if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then return 0 end
			redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
			return 1
			""", Long.class);

	private static final RedisScript<Long> REMOVE = RedisScript.of("""
			redis.call('ZREM', KEYS[2], ARGV[1])
			redis.call('HDEL', KEYS[3], ARGV[1])
			return redis.call('HDEL', KEYS[1], ARGV[1])
			""", Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM = RedisScript.of(NOW + """
			local expiry = now + tonumber(ARGV[2])
			local held = {}
			for i = 4, #ARGV do
			  local id = ARGV[i]
			  if redis.call('HGET', KEYS[3], id) == ARGV[1] and redis.call('HEXISTS', KEYS[1], id) == 1 then
			    redis.call('ZADD', KEYS[2], expiry, id)
			    table.insert(held, id)
			  end
			end
			local free = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[3]))
			for _, id in ipairs(free) do
			  if redis.call('HEXISTS', KEYS[1], id) == 1 then
			    redis.call('ZADD', KEYS[2], expiry, id)
			    redis.call('HSET', KEYS[3], id, ARGV[1])
			    table.insert(held, id)
			  else
			    redis.call('ZREM', KEYS[2], id)
			    redis.call('HDEL', KEYS[3], id)
			  end
			end
			local tasks = {}
			for _, id in ipairs(held) do
			  local task = redis.call('HGET', KEYS[1], id)
			  if task then table.insert(tasks, task) end
			end
			return tasks
			""", List.class);

	private static final RedisScript<Long> RELEASE = RedisScript.of("""
			local released = 0
			for i = 2, #ARGV do
			  if redis.call('HGET', KEYS[3], ARGV[i]) == ARGV[1] then
			    redis.call('ZADD', KEYS[2], 0, ARGV[i])
			    redis.call('HDEL', KEYS[3], ARGV[i])
			    released = released + 1
			  end
			end
			return released
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final List<String> keys;

	private final String leaseMillis;

	private final String instanceId = UUID.randomUUID().toString();

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the credential's keys
	 * @param state whether Redis answers
	 * @param lease how long an instance holds a task without renewing
	 */
	public RedisTrackedTaskStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state,
			Duration lease) {
		this.redis = redis;
		this.state = state;
		this.keys = List.of(keys.key("tracker:tasks"), keys.key("tracker:leases"), keys.key("tracker:holders"));
		this.leaseMillis = String.valueOf(lease.toMillis());
	}

	@Override
	public Mono<Boolean> add(TrackedTask task) {
		return Mono.defer(() -> this.state.guard(this.redis
			.execute(ADD, this.keys, List.of(task.taskId(), write(task), this.instanceId, this.leaseMillis))
			.next()
			.map((added) -> added == 1)));
	}

	@Override
	public Mono<Void> update(TrackedTask task) {
		return Mono.defer(() -> this.state
			.guard(this.redis.execute(UPDATE, this.keys, List.of(task.taskId(), write(task))).next())
			.then());
	}

	@Override
	public Mono<Boolean> remove(String taskId) {
		return this.state
			.guard(this.redis.execute(REMOVE, this.keys, List.of(taskId)).next().map((removed) -> removed == 1));
	}

	@Override
	public Flux<TrackedTask> list() {
		return this.state.guard(this.redis.<String, String>opsForHash().values(this.keys.get(0)).collectList())
			.flatMapIterable(this::readAll);
	}

	@Override
	public Flux<TrackedTask> claim(Collection<String> held) {
		List<String> args = new ArrayList<>(held.size() + 3);
		args.add(this.instanceId);
		args.add(this.leaseMillis);
		args.add(String.valueOf(CLAIM_BATCH));
		args.addAll(held);
		return this.state.guard(this.redis.execute(CLAIM, this.keys, args).next())
			.flatMapIterable((tasks) -> readAll(tasks.stream().map(String::valueOf).toList()));
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

	private String write(TrackedTask task) {
		return this.json.writeValueAsString(task);
	}

	private List<TrackedTask> readAll(List<String> values) {
		List<TrackedTask> tasks = new ArrayList<>(values.size());
		for (String value : values) {
			TrackedTask task = read(value);
			if (task != null) {
				tasks.add(task);
			}
		}
		return tasks;
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

}
