package io.github.dingtalkboot.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.cluster.internal.RedisKeys;
import io.github.dingtalkboot.cluster.internal.RedisTrackedTaskStore;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.TrackedTask;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What one claim cycle of an instance holding 10,000 tracked tasks costs Redis: server
 * time of the script and bytes in and out, read from Redis's own counters ({@code INFO
 * commandstats}, {@code INFO stats}), for the claim as it is and as it was before issue
 * 21 (commit a90a99e, which answered the JSON of every held task each cycle).
 * <p>
 * Run against a Redis no one else uses: {@code redis-server --port 6390 --save ''} then
 * {@code java -cp benchmarks/target/dingtalk-benchmarks.jar
 * io.github.dingtalkboot.benchmarks.ClaimCostMain 127.0.0.1 6390 10000 50}.
 */
public final class ClaimCostMain {

	private static final Duration BLOCK = Duration.ofMinutes(2);

	/** The claim of a90a99e, word for word. */
	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> CLAIM_BEFORE = RedisScript.of("""
			local time = redis.call('TIME')
			local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
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

	private ClaimCostMain() {
	}

	public static void main(String[] args) {
		String host = (args.length > 0) ? args[0] : "127.0.0.1";
		int port = (args.length > 1) ? Integer.parseInt(args[1]) : 6379;
		int tasks = (args.length > 2) ? Integer.parseInt(args[2]) : 10_000;
		int cycles = (args.length > 3) ? Integer.parseInt(args[3]) : 50;
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration(host, port));
		factory.afterPropertiesSet();
		factory.start();
		try {
			ReactiveStringRedisTemplate redis = new ReactiveStringRedisTemplate(factory);
			List<String> ids = new ArrayList<>();
			for (int i = 0; i < tasks; i++) {
				ids.add("task-" + UUID.randomUUID());
			}
			Cost before = before(redis, ids, cycles);
			Cost after = after(redis, ids, cycles);
			System.out.printf("%,d tracked tasks held by one instance, %d claim cycles each%n", tasks, cycles);
			System.out.printf("%-8s %16s %16s %18s%n", "claim", "Redis us/cycle", "bytes in/cycle", "bytes out/cycle");
			print("before", before);
			print("after", after);
			System.out.printf("ratio    %16.2f %16.2f %18.4f%n", after.micros() / before.micros(),
					after.bytesIn() / before.bytesIn(), after.bytesOut() / before.bytesOut());
		}
		finally {
			factory.destroy();
		}
	}

	private static Cost before(ReactiveStringRedisTemplate redis, List<String> ids, int cycles) {
		RedisKeys keys = new RedisKeys("claim-cost-before", "app:" + UUID.randomUUID());
		List<String> names = List.of(keys.key("tracker:tasks"), keys.key("tracker:leases"),
				keys.key("tracker:holders"));
		JsonMapper json = JsonMapper.builder().build();
		String holder = "bench-before";
		long expiry = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
		Flux.fromIterable(ids)
			.concatMap((id) -> redis.opsForHash()
				.put(names.get(0), id, json.writeValueAsString(task(id)))
				.then(redis.opsForZSet().add(names.get(1), id, expiry))
				.then(redis.opsForHash().put(names.get(2), id, holder)), 64)
			.blockLast(BLOCK);
		List<String> args = new ArrayList<>(List.of(holder, "30000", "1000"));
		args.addAll(ids);
		return measure(redis, cycles, () -> redis.execute(CLAIM_BEFORE, names, args).blockLast(BLOCK));
	}

	private static Cost after(ReactiveStringRedisTemplate redis, List<String> ids, int cycles) {
		RedisKeys keys = new RedisKeys("claim-cost-after", "app:" + UUID.randomUUID());
		RedisTrackedTaskStore store = new RedisTrackedTaskStore(redis, keys, new ClusterState(Duration.ofSeconds(30)),
				Duration.ofSeconds(30), Duration.ofHours(24), Duration.ofDays(7));
		Flux.fromIterable(ids).concatMap((id) -> store.add(task(id)), 64).blockLast(BLOCK);
		return measure(redis, cycles, () -> store.claim(ids).block(BLOCK));
	}

	private static Cost measure(ReactiveStringRedisTemplate redis, int cycles, Runnable claim) {
		claim.run();
		Map<String, Long> start = counters(redis);
		for (int i = 0; i < cycles; i++) {
			claim.run();
		}
		Map<String, Long> end = counters(redis);
		return new Cost((end.get("usec") - start.get("usec")) / (double) cycles,
				(end.get("in") - start.get("in")) / (double) cycles,
				(end.get("out") - start.get("out")) / (double) cycles);
	}

	/** Script time (EVAL and EVALSHA) and network bytes, by Redis's own counters. */
	private static Map<String, Long> counters(ReactiveStringRedisTemplate redis) {
		Properties commands = redis.getConnectionFactory()
			.getReactiveConnection()
			.serverCommands()
			.info("commandstats")
			.block(BLOCK);
		Properties stats = redis.getConnectionFactory()
			.getReactiveConnection()
			.serverCommands()
			.info("stats")
			.block(BLOCK);
		long usec = usec(commands.getProperty("cmdstat_evalsha")) + usec(commands.getProperty("cmdstat_eval"));
		return Map.of("usec", usec, "in", Long.parseLong(stats.getProperty("total_net_input_bytes")), "out",
				Long.parseLong(stats.getProperty("total_net_output_bytes")));
	}

	private static long usec(String stat) {
		if (stat == null) {
			return 0;
		}
		for (String part : stat.split(",")) {
			if (part.startsWith("usec=")) {
				return Long.parseLong(part.substring(5));
			}
		}
		return 0;
	}

	private static TrackedTask task(String id) {
		return new TrackedTask(id, "union-of-the-operator", Map.of("job", "bulk-move-42", "user", "user-1234"),
				Instant.parse("2026-12-06T04:00:00Z"), new StorageTask(id, StorageTaskStatus.IN_PROGRESS, 30, 12, 0,
						null, Instant.parse("2026-12-06T04:00:01Z"), null));
	}

	private static void print(String label, Cost cost) {
		System.out.printf("%-8s %16.0f %16.0f %18.0f%n", label, cost.micros(), cost.bytesIn(), cost.bytesOut());
	}

	private record Cost(double micros, double bytesIn, double bytesOut) {
	}

}
