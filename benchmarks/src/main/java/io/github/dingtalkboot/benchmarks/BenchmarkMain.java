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

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs every benchmark and prints a table of ratios (and the absolute, machine-specific
 * figures). {@code --quick} shortens every phase.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class BenchmarkMain {

	private static final List<String> CONTENDERS = List.of("raw-netty", "raw-webclient", "observed-webclient",
			"starter", "starter-no-observation", "official-sdk");

	/** What the starter is compared with, in the ratio table's column order. */
	private static final List<String> BASELINES = List.of("observed-webclient", "raw-webclient", "raw-netty",
			"official-sdk");

	private static final int[] CONCURRENCY = { 1, 16, 256 };

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		boolean quick = List.of(args).contains("--quick");
		Duration warmup = quick ? Duration.ofSeconds(1) : Duration.ofSeconds(2);
		Duration measure = quick ? Duration.ofSeconds(3) : Duration.ofSeconds(4);
		System.out.printf("DingTalk starter benchmarks (%s mode) on %d cores, %s %s, %s%n", quick ? "quick" : "full",
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
				System.getProperty("java.version"), System.getProperty("os.name"));
		try (CannedServerProcess server = CannedServerProcess.start()) {
			int port = server.port();
			String baseUrl = server.baseUrl();
			if (List.of(args).contains("--watches-and-startup")) {
				// the two figures without the 10 minutes of the rest, to check a change
				double[] heap = heapPerWatch(baseUrl, 10_000);
				double[] startup = startupCost(baseUrl, 20);
				System.out.printf("%,.0f concurrent watchTask: %.0f bytes of heap per watched task, %+.0f threads%n",
						heap[2], heap[0], heap[1]);
				System.out.printf("start-up: %.0f ms with the DingTalk auto-configurations, %.0f ms without, %+.1f ms "
						+ "(median of back-to-back differences)%n", startup[0], startup[1], startup[2]);
				return;
			}
			Map<String, double[]> jmh = perCall(port, quick);
			// warm every contender's code paths up before any of them is measured, so the
			// order does not matter
			for (String name : CONTENDERS) {
				try (Contender contender = Contenders.create(name, baseUrl, 64)) {
					LoadDriver.run(contender, 64, warmup.multipliedBy(2), Duration.ofMillis(200));
				}
			}
			// contenders take turns over several rounds, so a noisy moment hits them all
			// alike; the median counts
			int rounds = quick ? 1 : 3;
			Map<Integer, Map<String, LoadDriver.Result>> load = new LinkedHashMap<>();
			Map<Integer, Double> serverCpu = new LinkedHashMap<>();
			for (int concurrency : CONCURRENCY) {
				Map<String, List<LoadDriver.Result>> runs = new LinkedHashMap<>();
				for (int round = 0; round < rounds; round++) {
					for (String name : CONTENDERS) {
						try (Contender contender = Contenders.create(name, baseUrl, concurrency)) {
							long cpuBefore = server.cpuNanos();
							long wallBefore = System.nanoTime();
							runs.computeIfAbsent(name, (key) -> new ArrayList<>())
								.add(LoadDriver.run(contender, concurrency, warmup, measure));
							double share = (double) (server.cpuNanos() - cpuBefore) / (System.nanoTime() - wallBefore);
							serverCpu.merge(concurrency, share, Math::max);
						}
					}
				}
				Map<String, LoadDriver.Result> medians = new LinkedHashMap<>();
				runs.forEach((name, results) -> medians.put(name,
						results.stream()
							.sorted(java.util.Comparator.comparingDouble(LoadDriver.Result::callsPerSecond))
							.toList()
							.get(results.size() / 2)));
				load.put(concurrency, medians);
			}
			long stampede = tokenStampede(baseUrl, 200);
			double[] heap = heapPerWatch(baseUrl, quick ? 2_000 : 10_000);
			double[] startup = startupCost(baseUrl, quick ? 6 : 20);
			print(jmh, load, serverCpu, stampede, heap, startup, quick);
		}
	}

	/** JMH: average time per call and bytes allocated per call, one call at a time. */
	private static Map<String, double[]> perCall(int port, boolean quick) throws Exception {
		Options options = new OptionsBuilder().include(GetTaskBenchmark.class.getName())
			.forks(1)
			.warmupIterations(quick ? 2 : 3)
			.warmupTime(TimeValue.seconds(quick ? 1 : 2))
			.measurementIterations(quick ? 3 : 5)
			.measurementTime(TimeValue.seconds(quick ? 1 : 2))
			.jvmArgsAppend("-Dbench.port=" + port, "-Xmx1g")
			.addProfiler(GCProfiler.class)
			.shouldFailOnError(true)
			.build();
		Collection<RunResult> results = new Runner(options).run();
		Map<String, double[]> figures = new LinkedHashMap<>();
		for (RunResult result : results) {
			String contender = result.getParams().getParam("contender");
			double micros = result.getPrimaryResult().getScore();
			double bytes = result.getSecondaryResults()
				.entrySet()
				.stream()
				.filter((secondary) -> secondary.getKey().endsWith("gc.alloc.rate.norm"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("JMH reported no gc.alloc.rate.norm"))
				.getValue()
				.getScore();
			figures.put(contender, new double[] { micros, bytes });
		}
		return figures;
	}

	/**
	 * N concurrent first calls on a cold starter: how many token requests reach DingTalk.
	 */
	private static long tokenStampede(String baseUrl, int callers) throws Exception {
		long before = stats(baseUrl)[0];
		try (Contenders.Starter starter = new Contenders.Starter(baseUrl, Map.of())) {
			Flux.range(0, callers).flatMap((i) -> starter.callAsync(), callers).blockLast(Duration.ofSeconds(60));
		}
		return stats(baseUrl)[0] - before;
	}

	/** Heap and threads held by each of N concurrent watches between polls. */
	private static double[] heapPerWatch(String baseUrl, int watches) throws Exception {
		try (Contenders.Starter starter = new Contenders.Starter(baseUrl,
				Map.of("dingtalk.storage.poll.initial-interval", "10m", "dingtalk.storage.poll.max-interval", "10m",
						"dingtalk.http.max-pending-acquires", "100000"))) {
			StorageTaskOperations operations = starter.operations();
			operations.getTask(Contenders.TASK_ID, Contenders.UNION_ID).block();
			int threadsBefore = Thread.activeCount();
			long heapBefore = usedHeapAfterGc();
			CountDownLatch firstStates = new CountDownLatch(watches);
			List<Disposable> subscriptions = new ArrayList<>(watches);
			for (int i = 0; i < watches; i++) {
				subscriptions.add(operations.watchTask("task-" + i, Contenders.UNION_ID)
					.subscribe((task) -> firstStates.countDown()));
			}
			if (!firstStates.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException(
						"watches did not get their first state: " + firstStates.getCount() + " left");
			}
			long heapAfter = usedHeapAfterGc();
			int threadsAfter = Thread.activeCount();
			subscriptions.forEach(Disposable::dispose);
			return new double[] { (double) (heapAfter - heapBefore) / watches, threadsAfter - threadsBefore, watches };
		}
	}

	static long usedHeapAfterGc() throws InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/**
	 * Median start-up time of a small Boot context with and without the DingTalk
	 * auto-configuration, and the median of the differences of runs made back to back
	 * (steadier than the difference of the medians when the machine's speed drifts).
	 */
	private static double[] startupCost(String baseUrl, int runs) {
		List<Long> with = new ArrayList<>();
		List<Long> without = new ArrayList<>();
		List<Long> differences = new ArrayList<>();
		// the first runs load classes both kinds share: not counted
		startOnce(baseUrl, true);
		startOnce(baseUrl, false);
		for (int i = 0; i < runs; i++) {
			long alone = startOnce(baseUrl, true);
			long withDingTalk = startOnce(baseUrl, false);
			without.add(alone);
			with.add(withDingTalk);
			differences.add(withDingTalk - alone);
		}
		return new double[] { median(with), median(without), median(differences) };
	}

	private static long startOnce(String baseUrl, boolean excludeDingTalk) {
		long start = System.nanoTime();
		Map<String, Object> properties = new LinkedHashMap<>(Map.of("dingtalk.base-url", baseUrl, "dingtalk.app-key",
				"k", "dingtalk.app-secret", "s", "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
		if (excludeDingTalk) {
			properties.put("spring.autoconfigure.exclude",
					"io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration");
		}
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Contenders.StarterApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run()) {
			return System.nanoTime() - start;
		}
	}

	private static double median(List<Long> nanos) {
		List<Long> sorted = nanos.stream().sorted().toList();
		return sorted.get(sorted.size() / 2) / 1e6;
	}

	private static long[] stats(String baseUrl) throws Exception {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(baseUrl + "/stats")).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
			.body();
		String[] parts = body.strip().split(" ");
		return new long[] { Long.parseLong(parts[0]), Long.parseLong(parts[1]) };
	}

	private static void print(Map<String, double[]> jmh, Map<Integer, Map<String, LoadDriver.Result>> load,
			Map<Integer, Double> serverCpu, long stampede, double[] heap, double[] startup, boolean quick) {
		StringBuilder out = new StringBuilder();
		out.append(System.lineSeparator())
			.append("== Ratios: starter ÷ each baseline, measured in this run ==")
			.append(System.lineSeparator());
		out.append("| figure | ÷ observed WebClient | ÷ plain WebClient | ÷ raw Reactor Netty | ÷ official SDK |")
			.append(System.lineSeparator());
		out.append("|---|---|---|---|---|").append(System.lineSeparator());
		for (Map.Entry<Integer, Map<String, LoadDriver.Result>> entry : load.entrySet()) {
			Map<String, LoadDriver.Result> r = entry.getValue();
			out.append(row("throughput, concurrency " + entry.getKey(),
					(name) -> r.get("starter").callsPerSecond() / r.get(name).callsPerSecond()));
		}
		for (Map.Entry<Integer, Map<String, LoadDriver.Result>> entry : load.entrySet()) {
			Map<String, LoadDriver.Result> r = entry.getValue();
			out.append(row("p99 latency, concurrency " + entry.getKey(),
					(name) -> r.get("starter").p99Millis() / r.get(name).p99Millis()));
		}
		out.append(row("time per call, one at a time (JMH)", (name) -> jmh.get("starter")[0] / jmh.get(name)[0]));
		out.append(row("bytes allocated per call (JMH -prof gc)", (name) -> jmh.get("starter")[1] / jmh.get(name)[1]));
		out.append(System.lineSeparator())
			.append("== Absolute figures (this machine only) ==")
			.append(System.lineSeparator());
		out.append("| contender | concurrency | calls/s (median round) | p50 ms | p99 ms | errors |")
			.append(System.lineSeparator());
		out.append("|---|---|---|---|---|---|").append(System.lineSeparator());
		load.forEach((concurrency, results) -> results
			.forEach((name, r) -> out.append(String.format(Locale.ROOT, "| %s | %d | %.0f | %.3f | %.3f | %d |%n", name,
					concurrency, r.callsPerSecond(), r.p50Millis(), r.p99Millis(), r.errors()))));
		out.append(System.lineSeparator())
			.append("| contender | µs per call (JMH, one at a time) | bytes allocated per call |")
			.append(System.lineSeparator())
			.append("|---|---|---|")
			.append(System.lineSeparator());
		jmh.forEach((name, f) -> out.append(String.format(Locale.ROOT, "| %s | %.1f | %.0f |%n", name, f[0], f[1])));
		out.append(System.lineSeparator())
			.append("starter-no-observation: the starter with ObservationRegistry.NOOP, to show what")
			.append(" the observations (recorded by actuator's meter registry) cost in the starter's figure.")
			.append(System.lineSeparator());
		out.append(System.lineSeparator());
		out.append(String.format(Locale.ROOT,
				"- server CPU share while measured (max over contenders), by concurrency: %s "
						+ "(1.00 = one core busy; the server has %d cores to use)%n",
				format(serverCpu), Runtime.getRuntime().availableProcessors()));
		out.append(String.format(Locale.ROOT,
				"- cold-start token stampede: 200 concurrent first calls made %d token request(s)%n", stampede));
		out.append(String.format(Locale.ROOT,
				"- %,.0f concurrent watchTask: %.0f bytes of heap per watched task, %+.0f threads%n", heap[2], heap[0],
				heap[1]));
		out.append(String
			.format(Locale.ROOT, "- start-up of a small Boot context: %.0f ms with the DingTalk auto-configuration, "
					+ "%.0f ms without (medians of alternating runs); median of back-to-back differences %+.1f ms%n",
					startup[0], startup[1], startup[2]));
		if (quick) {
			out.append("- quick mode: short phases, expect wide error").append(System.lineSeparator());
		}
		System.out.print(out);
	}

	private static String row(String figure, java.util.function.ToDoubleFunction<String> ratio) {
		StringBuilder row = new StringBuilder("| ").append(figure).append(" |");
		for (String baseline : BASELINES) {
			row.append(String.format(Locale.ROOT, " %.2f |", ratio.applyAsDouble(baseline)));
		}
		return row.append(System.lineSeparator()).toString();
	}

	private static String format(Map<Integer, Double> shares) {
		StringBuilder s = new StringBuilder();
		shares.forEach(
				(c, share) -> s.append(c).append(": ").append(String.format(Locale.ROOT, "%.2f", share)).append("  "));
		return s.toString().strip();
	}

}
