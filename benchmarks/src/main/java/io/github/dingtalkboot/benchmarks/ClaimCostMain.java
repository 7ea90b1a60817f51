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

package io.github.dingtalkboot.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import io.github.dingtalkboot.cluster.internal.ClusterState;
import io.github.dingtalkboot.cluster.internal.RedisKeys;
import io.github.dingtalkboot.cluster.internal.RedisTrackedTaskStore;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.TrackedTask;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * What one claim cycle of an instance holding 10,000 tracked tasks costs Redis: server
 * time of the script and bytes in and out, read from Redis's own counters ({@code INFO
 * commandstats}, {@code INFO stats}), for the claim as it is and as it was before issue
 * 21 (commit a90a99e, which sent every held id and answered the JSON of every held task
 * each cycle): with nothing changed, with tasks untracked and tracked between claims, and
 * with the instance's lease lost before each claim (so each is a full claim).
 * <p>
 * Run against a Redis no one else uses: {@code redis-server --port 6390 --save ''} then
 * {@code java -cp benchmarks/target/dingtalk-benchmarks.jar
 * io.github.dingtalkboot.benchmarks.ClaimCostMain 127.0.0.1 6390 10000 50}.
 *
 * @author dingtalk-spring-boot maintainers
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
			Cost routine = now(redis, ids, cycles, Change.NONE);
			Cost churn = now(redis, ids, cycles, Change.CHURN);
			Cost full = now(redis, ids, cycles, Change.LEASE_LOST);
			System.out.printf("%,d tracked tasks held by one instance, %d claim cycles each%n", tasks, cycles);
			System.out.printf("%-36s %16s %16s %18s %18s %18s%n", "claim (per cycle)", "mean Redis us", "mean bytes in",
					"mean bytes out", "median Redis us", "median bytes in");
			print("before (a90a99e)", before);
			print("now, no change", routine);
			print("now, 10 untracked + 10 new a cycle", churn);
			print("now, lease lost each cycle (full)", full);
			System.out.printf("%-36s %16.4f %16.4f %18.4f%n", "mean ratio now/before, no change",
					routine.micros() / before.micros(), routine.bytesIn() / before.bytesIn(),
					routine.bytesOut() / before.bytesOut());
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
		return measure(redis, cycles, () -> {
		}, () -> redis.execute(CLAIM_BEFORE, names, args).blockLast(BLOCK));
	}

	/**
	 * The claim as it is. Its routine cycles include the full claim it makes once in
	 * {@code RECONCILE_EVERY}; {@link Change#LEASE_LOST} makes every cycle a full one, as
	 * after an outage longer than the lease.
	 */
	private static Cost now(ReactiveStringRedisTemplate redis, List<String> ids, int cycles, Change change) {
		RedisKeys keys = new RedisKeys("claim-cost-now", "app:" + UUID.randomUUID());
		ClusterState state = new ClusterState(Duration.ofSeconds(30));
		Duration lease = Duration.ofSeconds(30);
		RedisTrackedTaskStore store = new RedisTrackedTaskStore(redis, keys, state, lease, Duration.ofHours(24),
				Duration.ofDays(7));
		RedisTrackedTaskStore other = new RedisTrackedTaskStore(redis, keys, state, lease, Duration.ofHours(24),
				Duration.ofDays(7));
		List<String> held = new ArrayList<>(ids);
		store.claim(List.of()).block(BLOCK);
		Flux.fromIterable(held).concatMap((id) -> store.add(task(id)), 64).blockLast(BLOCK);
		Runnable between = switch (change) {
			case NONE -> () -> {
			};
			case CHURN -> () -> {
				for (int i = 0; i < 10; i++) {
					other.remove(held.remove(0)).block(BLOCK);
					String id = "task-" + UUID.randomUUID();
					store.add(task(id)).block(BLOCK);
					held.add(id);
				}
			};
			case LEASE_LOST -> () -> redis.delete(keys.key("tracker:instances")).block(BLOCK);
		};
		return measure(redis, cycles, between, () -> store.claim(held).block(BLOCK));
	}

	/** What another instance, or Redis, does between two claims; not measured. */
	private enum Change {

		NONE, CHURN, LEASE_LOST

	}

	/**
	 * Runs the claim once, then {@code cycles} times with {@code between} run before
	 * each, counting only the claim: Redis's counters are read around each claim, less
	 * what reading them costs.
	 */
	private static Cost measure(ReactiveStringRedisTemplate redis, int cycles, Runnable between, Runnable claim) {
		claim.run();
		Map<String, Long> reading = diff(counters(redis), counters(redis));
		double[] micros = new double[cycles];
		double[] in = new double[cycles];
		double[] out = new double[cycles];
		for (int i = 0; i < cycles; i++) {
			between.run();
			Map<String, Long> start = counters(redis);
			claim.run();
			Map<String, Long> cost = diff(start, counters(redis));
			micros[i] = cost.get("usec") - reading.get("usec");
			in[i] = cost.get("in") - reading.get("in");
			out[i] = cost.get("out") - reading.get("out");
		}
		return new Cost(mean(micros), mean(in), mean(out), median(micros), median(in));
	}

	private static double mean(double[] values) {
		return Arrays.stream(values).average().orElse(0);
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static Map<String, Long> diff(Map<String, Long> start, Map<String, Long> end) {
		return Map.of("usec", end.get("usec") - start.get("usec"), "in", end.get("in") - start.get("in"), "out",
				end.get("out") - start.get("out"));
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
		System.out.printf("%-36s %16.0f %16.0f %18.0f %18.0f %18.0f%n", label, cost.micros(), cost.bytesIn(),
				cost.bytesOut(), cost.medianMicros(), cost.medianBytesIn());
	}

	private record Cost(double micros, double bytesIn, double bytesOut, double medianMicros, double medianBytesIn) {
	}

}
