package io.github.dingtalkboot.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.internal.StorageTaskReader;

/**
 * Reading one storage task answer into a {@link StorageTask}: the tree-based reader the
 * client used before against the streaming reader it uses now (same rules, same result).
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.openjdk.jmh.Main TaskParseBenchmark -prof gc
 * </pre>
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
