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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What each of the starter's two observations costs a {@code getTask} under the load
 * driver: the starter in an application with actuator, with both observations, without
 * one or the other (Boot's {@code management.observations.enable.*}), without long-task
 * timers, and with none. Argument: the concurrency (default 1). <pre>
 * java -cp benchmarks/target/benchmarks.jar io.github.dingtalkboot.benchmarks.ObservationCostMain 1
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class ObservationCostMain {

	private static final int ROUNDS = 6;

	private ObservationCostMain() {
	}

	public static void main(String[] args) throws Exception {
		int concurrency = (args.length > 0) ? Integer.parseInt(args[0]) : 1;
		Map<String, Map<String, Object>> variants = new LinkedHashMap<>();
		variants.put("both observations", Map.of());
		variants.put("no observation (ObservationRegistry.NOOP)", Map.of("bench.observation", "false"));
		variants.put("without http.client.requests",
				Map.of("management.observations.enable.http.client.requests", "false"));
		variants.put("without dingtalk.client.requests",
				Map.of("management.observations.enable.dingtalk.client.requests", "false"));
		variants.put("long-task timers off", Map.of("management.observations.long-task-timer.enabled", "false"));
		try (CannedServerProcess server = CannedServerProcess.start()) {
			String baseUrl = server.baseUrl();
			Map<String, List<Double>> results = new LinkedHashMap<>();
			for (int round = 0; round < ROUNDS; round++) {
				for (Map.Entry<String, Map<String, Object>> variant : variants.entrySet()) {
					double callsPerSecond = measure(baseUrl, variant.getValue(), concurrency);
					// the first round warms the code paths up: not counted
					if (round > 0) {
						results.computeIfAbsent(variant.getKey(), (key) -> new ArrayList<>()).add(callsPerSecond);
					}
				}
			}
			System.out.printf("getTask at concurrency %d, median of %d rounds (calls/s):%n", concurrency, ROUNDS - 1);
			results.forEach((name, values) -> {
				List<Double> sorted = new ArrayList<>(values);
				Collections.sort(sorted);
				System.out.printf("  %-45s %,8.0f  %s%n", name, sorted.get(sorted.size() / 2), values);
			});
		}
	}

	private static double measure(String baseUrl, Map<String, Object> extra, int concurrency) throws Exception {
		Map<String, Object> properties = new HashMap<>(
				Map.of("dingtalk.base-url", baseUrl, "dingtalk.app-key", "bench-key", "dingtalk.app-secret",
						"bench-secret", "dingtalk.storage.union-id", Contenders.UNION_ID, "dingtalk.rate-limit.enabled",
						"false", "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
		properties.putAll(extra);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Contenders.StarterApplication.class)
			.web(WebApplicationType.NONE)
			.properties(properties)
			.run();
		StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
		try (Contender starter = new Contender() {

			@Override
			public String name() {
				return "starter";
			}

			@Override
			public Object call() {
				return callAsync().block();
			}

			@Override
			public Mono<?> callAsync() {
				return operations.getTask(Contenders.TASK_ID, Contenders.UNION_ID);
			}

			@Override
			public void close() {
				context.close();
			}

		}) {
			return LoadDriver.run(starter, concurrency, Duration.ofSeconds(2), Duration.ofSeconds(4)).callsPerSecond();
		}
	}

}
