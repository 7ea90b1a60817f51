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

import java.util.concurrent.TimeUnit;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.internal.StorageTaskReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading one storage task answer into a {@link StorageTask}: the tree-based reader the
 * client used before against the streaming reader it uses now (same rules, same result).
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TaskParseBenchmark -prof gc
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TaskParseBenchmark {

	private final byte[] body = CannedDingTalkServer.TASK_BODY;

	private final JsonMapper json = JsonMapper.builder().build();

	@Benchmark
	public StorageTask treeReader() {
		return TreeTaskReader.read(this.json, this.body);
	}

	@Benchmark
	public StorageTask streamingReader() {
		return StorageTaskReader.read(200, this.body);
	}

}
