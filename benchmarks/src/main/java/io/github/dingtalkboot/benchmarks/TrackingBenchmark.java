package io.github.dingtalkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

/**
 * Following many storage tasks at once: N tasks on a fake DingTalk whose tasks progress
 * linearly over known durations (so the benchmark knows when each one really finished),
 * followed either with one {@code watchTask} per task or with the
 * {@link StorageTaskTracker}, under the default 20 requests/s. Prints per N and way:
 * detection delay (seen − finished) p50 / p99 / max, requests per task, the latency of an
 * interactive {@code getTask} made once a second while they run, and the most requests
 * the fake received in any sliding second.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.dingtalkboot.benchmarks.TrackingBenchmark [--tasks 20,200,1000] [--ways watch,tracker]}
 */
public final class TrackingBenchmark {

	static final Map<String, Long> seen = new ConcurrentHashMap<>();

	private TrackingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = List.of(20, 200, 1000);
		List<String> ways = List.of("watch", "tracker");
		for (int i = 0; i < args.length - 1; i++) {
			if ("--tasks".equals(args[i])) {
				sizes = List.of(args[i + 1].split(",")).stream().map(Integer::parseInt).toList();
			}
			if ("--ways".equals(args[i])) {
				ways = List.of(args[i + 1].split(","));
			}
		}
		System.out.printf("%s, %d CPUs, Java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		System.out.println("| tasks (durations) | way | detection delay p50 / p99 / max | requests per task "
				+ "| interactive getTask p50 / max | most requests in any second |");
		System.out.println("|---|---|---|---|---|---|");
		for (int size : sizes) {
			for (String way : ways) {
				System.out.println(run(size, way));
			}
		}
		System.exit(0);
	}

	private static String run(int size, String way) throws Exception {
		Duration shortest = (size >= 1000) ? Duration.ofSeconds(30) : Duration.ofSeconds(5);
		Duration longest = (size >= 1000) ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
		seen.clear();
		try (ProgressingServer server = new ProgressingServer()) {
			ConfigurableApplicationContext context = new SpringApplicationBuilder(TrackingApplication.class)
				.web(WebApplicationType.NONE)
				.properties("dingtalk.base-url=" + server.baseUrl(), "dingtalk.app-key=bench-key",
						"dingtalk.app-secret=bench-secret", "dingtalk.storage.union-id=bench-union",
						"spring.main.banner-mode=off", "logging.level.root=WARN")
				.run();
			try {
				StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
				StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);
				operations.getTask("warm-up").onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(30));
				server.task("probe", Duration.ofHours(1));
				Random random = new Random(42);
				List<String> ids = new ArrayList<>();
				for (int i = 0; i < size; i++) {
					String taskId = "task-" + i;
					long span = longest.toMillis() - shortest.toMillis();
					server.task(taskId, shortest.plusMillis((long) (random.nextDouble() * span)));
					ids.add(taskId);
				}
				server.resetRequests();
				for (String taskId : ids) {
					if ("tracker".equals(way)) {
						tracker.track(taskId).block(Duration.ofSeconds(30));
					}
					else {
						operations.watchTask(taskId)
							.last()
							.subscribe((task) -> seen.put(taskId, System.nanoTime()),
									(ex) -> System.err.println(taskId + ": " + ex));
					}
				}
				List<Long> interactive = new ArrayList<>();
				long deadline = System.nanoTime() + longest.plusMinutes(3).toNanos();
				while (seen.size() < size && System.nanoTime() < deadline) {
					long asked = System.nanoTime();
					operations.getTask("probe").block(Duration.ofMinutes(3));
					interactive.add(System.nanoTime() - asked);
					Thread.sleep(Math.max(0, 1000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked)));
				}
				List<Long> delays = new ArrayList<>();
				for (String taskId : ids) {
					Long at = seen.get(taskId);
					delays.add((at != null) ? at - server.endOf(taskId) : Long.MAX_VALUE);
				}
				Collections.sort(delays);
				Collections.sort(interactive);
				int requests = server.requestsExcept("probe");
				return String.format("| %,d (%d–%d s) | %s | %s / %s / %s s | %.1f | %s / %s s | %d |", size,
						shortest.toSeconds(), longest.toSeconds(), way, seconds(percentile(delays, 0.5)),
						seconds(percentile(delays, 0.99)), seconds(delays.get(delays.size() - 1)),
						(double) requests / size, seconds(percentile(interactive, 0.5)),
						seconds(interactive.get(interactive.size() - 1)), server.mostInAnySecond());
			}
			finally {
				context.close();
			}
		}
	}

	private static long percentile(List<Long> sorted, double share) {
		int index = (int) Math.ceil(share * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String seconds(long nanos) {
		return (nanos == Long.MAX_VALUE) ? "never" : String.format("%.2f", nanos / 1e9);
	}

	/**
	 * The application under test: the starter with its defaults, and a listener that
	 * records when each completion was seen.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TrackingApplication {

		@EventListener
		void completed(StorageTaskCompletedEvent event) {
			seen.putIfAbsent(event.getTrackedTask().taskId(), System.nanoTime());
		}

	}

	/**
	 * A fake DingTalk whose tasks run for known durations from when they are created,
	 * moving 1,000 subtasks linearly. Time-stamps every storage request.
	 */
	static final class ProgressingServer implements AutoCloseable {

		private static final byte[] TOKEN = "{\"accessToken\":\"bench-token\",\"expireIn\":7200}"
			.getBytes(StandardCharsets.UTF_8);

		private final Map<String, long[]> tasks = new ConcurrentHashMap<>();

		private final Map<String, Instant> begins = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<Long> times = new ConcurrentLinkedQueue<>();

		private final DisposableServer server;

		ProgressingServer() {
			this.server = HttpServer.create()
				.host("127.0.0.1")
				.port(0)
				.route((routes) -> routes
					.post("/v1.0/oauth2/accessToken",
							(request, response) -> request.receive()
								.then(response.header("Content-Type", "application/json")
									.send(Mono.just(Unpooled.wrappedBuffer(TOKEN)))
									.then()))
					.get("/v1.0/storage/tasks/{taskId}", (request, response) -> {
						String taskId = request.param("taskId");
						this.times.add(System.nanoTime());
						this.requests.computeIfAbsent(taskId, (id) -> new AtomicInteger()).incrementAndGet();
						long[] task = this.tasks.get(taskId);
						if (task == null) {
							return response.status(400)
								.header("Content-Type", "application/json")
								.sendString(Mono.just("{\"code\":\"taskNotExist\",\"message\":\"task not exist\"}"))
								.then();
						}
						return response.header("Content-Type", "application/json")
							.sendString(Mono.just(body(taskId, task)))
							.then();
					}))
				.bindNow();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.port();
		}

		void task(String taskId, Duration duration) {
			long start = System.nanoTime();
			this.tasks.put(taskId, new long[] { start, start + duration.toNanos() });
			this.begins.put(taskId, Instant.now());
		}

		long endOf(String taskId) {
			return this.tasks.get(taskId)[1];
		}

		void resetRequests() {
			this.requests.clear();
			this.times.clear();
		}

		int requestsExcept(String taskId) {
			return this.requests.entrySet()
				.stream()
				.filter((entry) -> !entry.getKey().equals(taskId))
				.mapToInt((entry) -> entry.getValue().get())
				.sum();
		}

		int mostInAnySecond() {
			List<Long> sorted = new ArrayList<>(this.times);
			Collections.sort(sorted);
			int most = 0;
			int first = 0;
			for (int last = 0; last < sorted.size(); last++) {
				while (sorted.get(last) - sorted.get(first) >= TimeUnit.SECONDS.toNanos(1)) {
					first++;
				}
				most = Math.max(most, last - first + 1);
			}
			return most;
		}

		private String body(String taskId, long[] task) {
			long now = System.nanoTime();
			boolean done = now >= task[1];
			long success = done ? 1000 : 1000 * (now - task[0]) / (task[1] - task[0]);
			return "{\"task\":{\"id\":\"" + taskId + "\",\"status\":\"" + (done ? "SUCCESS" : "IN_PROGRESS")
					+ "\",\"totalCount\":1000,\"successCount\":" + success + ",\"failCount\":0,\"beginTime\":\""
					+ this.begins.get(taskId) + "\",\"endTime\":null}}";
		}

		@Override
		public void close() {
			this.server.disposeNow();
		}

	}

}
