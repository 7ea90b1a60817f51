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
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@code concurrency} calls in flight for a while and counts what completes:
 * reactive contenders through {@code flatMap} with that concurrency, blocking ones from a
 * thread pool of that size.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class LoadDriver {

	private LoadDriver() {
	}

	static Result run(Contender contender, int concurrency, Duration warmup, Duration measure) throws Exception {
		drive(contender, concurrency, warmup, new Recorder(3), new AtomicLong());
		Recorder recorder = new Recorder(3);
		AtomicLong errors = new AtomicLong();
		long start = System.nanoTime();
		long calls = drive(contender, concurrency, measure, recorder, errors);
		double seconds = (System.nanoTime() - start) / 1e9;
		Histogram histogram = recorder.getIntervalHistogram();
		return new Result(calls / seconds, histogram.getValueAtPercentile(50) / 1000.0,
				histogram.getValueAtPercentile(99) / 1000.0, errors.get());
	}

	private static long drive(Contender contender, int concurrency, Duration duration, Recorder latencies,
			AtomicLong errors) throws Exception {
		long deadline = System.nanoTime() + duration.toNanos();
		Mono<?> async = contender.callAsync();
		if (async != null) {
			AtomicLong done = new AtomicLong();
			Flux.range(0, concurrency).flatMap((lane) -> Mono.defer(() -> {
				long begin = System.nanoTime();
				return contender.callAsync()
					.doOnSuccess((answer) -> latencies.recordValue((System.nanoTime() - begin) / 1000))
					.doOnError((ex) -> errors.incrementAndGet())
					.onErrorResume((ex) -> Mono.empty());
			}).repeat(() -> System.nanoTime() < deadline).doOnNext((answer) -> done.incrementAndGet()).then(),
					concurrency)
				.blockLast(duration.plusSeconds(60));
			return done.get();
		}
		ExecutorService threads = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<Long>> lanes = new ArrayList<>();
			for (int lane = 0; lane < concurrency; lane++) {
				lanes.add(threads.submit(() -> {
					long count = 0;
					while (System.nanoTime() < deadline) {
						long begin = System.nanoTime();
						try {
							contender.call();
							latencies.recordValue((System.nanoTime() - begin) / 1000);
							count++;
						}
						catch (Exception ex) {
							errors.incrementAndGet();
						}
					}
					return count;
				}));
			}
			long total = 0;
			for (Future<Long> lane : lanes) {
				total += lane.get();
			}
			return total;
		}
		finally {
			threads.shutdownNow();
			threads.awaitTermination(10, TimeUnit.SECONDS);
		}
	}

	record Result(double callsPerSecond, double p50Millis, double p99Millis, long errors) {
	}

}
