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

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import reactor.core.publisher.Mono;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code dingtalk.client.requests} observation of one call, without the HTTP: the
 * client's own wrapping of a call (its observation, recorded by Boot's meter handler into
 * the application's registry, and the guard that ends it when the client closes) around
 * an answer that is already there. Run it on two builds to compare them. <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main ObservationBenchmark -prof gc
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ObservationBenchmark {

	private final Mono<String> answer = Mono.just("answer");

	private ConfigurableApplicationContext context;

	private DingTalkHttpClient http;

	@Setup
	public void start() {
		// an application with actuator, as the load driver's starter; nothing is sent
		this.context = new SpringApplicationBuilder(Contenders.StarterApplication.class).web(WebApplicationType.NONE)
			.properties(Map.of("dingtalk.base-url", "http://127.0.0.1:9", "dingtalk.access-token", "bench-token",
					"spring.main.banner-mode", "off", "logging.level.root", "WARN"))
			.run();
		this.http = this.context.getBean(DingTalkHttpClient.class);
	}

	@TearDown
	public void stop() {
		this.context.close();
	}

	@Benchmark
	public String observedCall() {
		return this.http.observe("storage.task.get", "task-1", this.answer).block();
	}

}
