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

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code getTask} call at a time, per contender: time per call and (with
 * {@code -prof gc}) bytes allocated per call in the client's JVM. The server runs in
 * another JVM; its port comes in {@code -Dbench.port}.
 *
 * @author dingtalk-spring-boot maintainers
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class GetTaskBenchmark {

	@Param({ "raw-netty", "raw-webclient", "observed-webclient", "starter", "official-sdk" })
	public String contender;

	private Contender client;

	@Setup(Level.Trial)
	public void start() throws Exception {
		this.client = Contenders.create(this.contender, "http://127.0.0.1:" + Integer.getInteger("bench.port"), 1);
		this.client.call();
	}

	@Benchmark
	public Object getTask() throws Exception {
		return this.client.call();
	}

	@TearDown(Level.Trial)
	public void stop() {
		this.client.close();
	}

}
