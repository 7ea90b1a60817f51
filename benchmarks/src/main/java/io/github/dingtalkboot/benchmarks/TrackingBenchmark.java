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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.testsupport.SlidingSecond;
import io.github.dingtalkboot.testsupport.TaskShape;
import io.github.dingtalkboot.testsupport.TaskShapes;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Following many storage tasks at once: N tasks of one {@link TaskShapes shape} on a fake
 * DingTalk that knows when each one really ends, followed either with one
 * {@code watchTask} per task or with the {@code StorageTaskTracker}, under the default 20
 * requests/s. Prints per shape, N and way: detection delay (seen − ended) p50 / p99 /
 * max, the longest time between two polls of one task, requests per task, the latency of
 * an interactive {@code getTask} made once a second while they run, and the most requests
 * the fake received in any sliding second.
 * <p>
 * Every cell is one application with its own fake DingTalk (its own 20 requests/s); the
 * cells of one N run side by side, so a full run takes minutes, not hours. It uses only
 * API that existed before the shared poll schedule, and the tracker through
 * {@code TrackerWay} loaded by name, so the same class runs against the version before
 * (commit 4caec4c, {@code --ways watch}) for the "before" rows.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.dingtalkboot.benchmarks.TrackingBenchmark [--tasks 1,5,20,200,1000] [--shapes LINEAR,REAL] [--ways watch,tracker] [--label before]}
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class TrackingBenchmark {

	private static final List<TaskShapes> DEFAULT_SHAPES = List.of(TaskShapes.LINEAR, TaskShapes.INIT_LINEAR,
			TaskShapes.REAL, TaskShapes.PAUSED, TaskShapes.FAILING, TaskShapes.SKEWED);

	private TrackingBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = List.of(1, 5, 20, 200, 1000);
		List<TaskShapes> shapes = DEFAULT_SHAPES;
		List<String> ways = List.of("watch", "tracker");
		String label = "";
		for (int i = 0; i < args.length - 1; i++) {
			switch (args[i]) {
				case "--tasks" -> sizes = List.of(args[i + 1].split(",")).stream().map(Integer::parseInt).toList();
				case "--shapes" -> shapes = List.of(args[i + 1].split(",")).stream().map(TaskShapes::valueOf).toList();
				case "--ways" -> ways = List.of(args[i + 1].split(","));
				case "--label" -> label = args[i + 1] + ": ";
				default -> {
				}
			}
		}
		System.out.printf("%s, %d CPUs, Java %s%n", Instant.now(), Runtime.getRuntime().availableProcessors(),
				System.getProperty("java.version"));
		System.out.println("| shape | tasks (durations) | way | detection delay p50 / p99 / max "
				+ "| longest wait between polls | requests per task | interactive getTask p50 / max "
				+ "| most requests in any second |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		for (int size : sizes) {
			List<Cell> cells = new ArrayList<>();
			for (TaskShapes shape : shapes) {
				for (String way : ways) {
					cells.add(new Cell(shape, size, label + way));
				}
			}
			ExecutorService pool = Executors.newFixedThreadPool(cells.size());
			List<Future<String>> rows = new ArrayList<>();
			for (Cell cell : cells) {
				rows.add(pool.submit(cell::run));
			}
			for (Future<String> row : rows) {
				System.out.println(row.get());
			}
			pool.shutdown();
		}
		System.exit(0);
	}

	// Boot's logging system is initialised by each application's start and is not safe
	// for two starts at once: the applications start one at a time, then run side by side
	private static synchronized ConfigurableApplicationContext start(ProgressingServer server) {
		return new SpringApplicationBuilder(TrackingApplication.class).web(WebApplicationType.NONE)
			.properties("dingtalk.base-url=" + server.baseUrl(), "dingtalk.app-key=bench-key",
					"dingtalk.app-secret=bench-secret", "dingtalk.storage.union-id=bench-union",
					"spring.main.banner-mode=off", "logging.level.root=WARN")
			.run();
	}

	private static long percentile(List<Long> sorted, double share) {
		int index = (int) Math.ceil(share * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	private static String seconds(long nanos) {
		return (nanos == Long.MAX_VALUE) ? "never" : String.format("%.2f", nanos / 1e9);
	}

	/**
	 * One application following N tasks of one shape in one way.
	 */
	private record Cell(TaskShapes shape, int size, String way) {

		String run() throws Exception {
			Duration shortest = (this.size >= 1000) ? Duration.ofSeconds(30) : Duration.ofSeconds(5);
			Duration longest = (this.size >= 1000) ? Duration.ofSeconds(120) : Duration.ofSeconds(60);
			Map<String, Long> seen = new ConcurrentHashMap<>();
			boolean tracker = this.way.endsWith("tracker");
			Way follower = tracker ? (Way) Class.forName(TrackingBenchmark.class.getPackageName() + ".TrackerWay")
				.getDeclaredConstructor()
				.newInstance() : new WatchWay();
			try (ProgressingServer server = new ProgressingServer()) {
				ConfigurableApplicationContext context = start(server);
				try {
					StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
					follower.start(context, (taskId) -> seen.putIfAbsent(taskId, System.nanoTime()));
					operations.getTask("warm-up").onErrorResume((ex) -> Mono.empty()).block(Duration.ofSeconds(30));
					server.task("probe", TaskShape.linear(Duration.ZERO, Duration.ofHours(1), 1000));
					Random random = new Random(42);
					List<String> ids = new ArrayList<>();
					long lastEnd = 0;
					for (int i = 0; i < this.size; i++) {
						String taskId = "task-" + i;
						TaskShape task = this.shape.draw(random, shortest, longest);
						lastEnd = Math.max(lastEnd, task.endNanos());
						server.task(taskId, task);
						ids.add(taskId);
					}
					server.resetRequests();
					for (String taskId : ids) {
						follower.follow(context, taskId);
					}
					List<Long> interactive = new ArrayList<>();
					long deadline = System.nanoTime() + lastEnd + Duration.ofMinutes(3).toNanos();
					while (seen.size() < this.size && System.nanoTime() < deadline) {
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
					return String.format("| %s | %,d (%d–%d s) | %s | %s / %s / %s s | %s s | %.1f | %s / %s s | %d |",
							this.shape, this.size, shortest.toSeconds(), longest.toSeconds(), this.way,
							seconds(percentile(delays, 0.5)), seconds(percentile(delays, 0.99)),
							seconds(delays.get(delays.size() - 1)), seconds(server.longestGapExcept("probe")),
							(double) server.requestsExcept("probe") / this.size, seconds(percentile(interactive, 0.5)),
							seconds(interactive.get(interactive.size() - 1)), server.mostInAnySecond());
				}
				finally {
					context.close();
				}
			}
		}

	}

	/**
	 * How the tasks are followed.
	 */
	interface Way {

		/**
		 * Prepare the application.
		 * @param context the application
		 * @param seen told the id of each task seen ended
		 */
		void start(ConfigurableApplicationContext context, Consumer<String> seen);

		/**
		 * Follow one task.
		 * @param context the application
		 * @param taskId the task
		 */
		void follow(ConfigurableApplicationContext context, String taskId);

	}

	/**
	 * One {@code watchTask} per task, until its last state.
	 */
	static final class WatchWay implements Way {

		private Consumer<String> seen = (taskId) -> {
		};

		@Override
		public void start(ConfigurableApplicationContext context, Consumer<String> seen) {
			this.seen = seen;
		}

		@Override
		public void follow(ConfigurableApplicationContext context, String taskId) {
			context.getBean(StorageTaskOperations.class)
				.watchTask(taskId)
				.last()
				.subscribe((task) -> this.seen.accept(taskId), (ex) -> System.err.println(taskId + ": " + ex));
		}

	}

	/**
	 * The application under test: the starter with its defaults.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TrackingApplication {

	}

	/**
	 * A fake DingTalk whose tasks run in known shapes from when they are created.
	 * Time-stamps every storage request.
	 */
	static final class ProgressingServer implements AutoCloseable {

		private static final byte[] TOKEN = "{\"accessToken\":\"bench-token\",\"expireIn\":7200}"
			.getBytes(StandardCharsets.UTF_8);

		private final Map<String, Running> tasks = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

		private final ConcurrentLinkedQueue<Request> times = new ConcurrentLinkedQueue<>();

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
						long now = System.nanoTime();
						this.times.add(new Request(now, taskId));
						this.requests.computeIfAbsent(taskId, (id) -> new AtomicInteger()).incrementAndGet();
						Running task = this.tasks.get(taskId);
						if (task == null) {
							return response.status(400)
								.header("Content-Type", "application/json")
								.sendString(Mono.just("{\"code\":\"taskNotExist\",\"message\":\"task not exist\"}"))
								.then();
						}
						return response.header("Content-Type", "application/json")
							.sendString(Mono.just(body(task.shape().state(taskId, now - task.start(), task.created()))))
							.then();
					}))
				.bindNow();
		}

		String baseUrl() {
			return "http://127.0.0.1:" + this.server.port();
		}

		void task(String taskId, TaskShape shape) {
			this.tasks.put(taskId, new Running(System.nanoTime(), Instant.now(), shape));
		}

		long endOf(String taskId) {
			Running task = this.tasks.get(taskId);
			return task.start() + task.shape().endNanos();
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

		long longestGapExcept(String taskId) {
			Map<String, Long> last = new HashMap<>();
			long longest = 0;
			for (Request request : this.times) {
				Long before = request.taskId().equals(taskId) ? null : last.put(request.taskId(), request.at());
				if (before != null) {
					longest = Math.max(longest, request.at() - before);
				}
			}
			return longest;
		}

		int mostInAnySecond() {
			return SlidingSecond.most(this.times.stream().map(Request::at).toList());
		}

		private static String body(StorageTask task) {
			return "{\"task\":{\"id\":\"" + task.id() + "\",\"status\":\"" + task.status() + "\",\"totalCount\":"
					+ task.totalCount() + ",\"successCount\":" + task.successCount() + ",\"failCount\":"
					+ task.failCount() + ",\"failMessage\":"
					+ ((task.failMessage() != null) ? "\"" + task.failMessage() + "\"" : "null") + ",\"beginTime\":"
					+ time(task.beginTime()) + ",\"endTime\":" + time(task.endTime()) + "}}";
		}

		private static String time(Instant instant) {
			return (instant != null) ? "\"" + instant + "\"" : "null";
		}

		@Override
		public void close() {
			this.server.disposeNow();
		}

		private record Running(long start, Instant created, TaskShape shape) {
		}

		private record Request(long at, String taskId) {
		}

	}

}
