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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.core.internal.RequestUris;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import org.springframework.web.util.DefaultUriBuilderFactory;
import org.springframework.web.util.UriBuilder;

/**
 * The request URI of one {@code getTask}, built the way the client did before
 * (WebClient's template expansion with the base URL: parse, expand, encode every call)
 * and the way it does now ({@link RequestUris}: literals joined once, two values encoded
 * per call). <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main UriBenchmark -prof gc
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UriBenchmark {

	private static final String BASE_URL = "https://api.dingtalk.io";

	private static final String TEMPLATE = "/v1.0/storage/tasks/{taskId}";

	private final DefaultUriBuilderFactory templateExpansion = new DefaultUriBuilderFactory(BASE_URL);

	private final RequestUris requestUris = new RequestUris(BASE_URL);

	private final Map<String, String> pathVariables = Map.of("taskId", "f1f8e9a0-task");

	private final Map<String, String> query = Map.of("unionId", "op-1234567890");

	@Benchmark
	public URI templateExpansion() {
		UriBuilder builder = this.templateExpansion.builder();
		Map<String, Object> variables = new HashMap<>(this.pathVariables);
		builder.path(TEMPLATE);
		this.query.forEach((name, value) -> {
			String variable = "query." + name;
			builder.queryParam(name, "{" + variable + "}");
			variables.put(variable, value);
		});
		return builder.build(variables);
	}

	@Benchmark
	public URI requestUris() {
		return this.requestUris.expand(TEMPLATE, this.pathVariables, this.query);
	}

}
