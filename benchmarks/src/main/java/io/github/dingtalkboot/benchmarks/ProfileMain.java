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

/**
 * Runs one contender at one concurrency for a while against a server in another JVM, for
 * a profiler (e.g. {@code -XX:StartFlightRecording}). Arguments: contender name,
 * concurrency, seconds.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class ProfileMain {

	private ProfileMain() {
	}

	public static void main(String[] args) throws Exception {
		try (CannedServerProcess server = CannedServerProcess.start()) {
			int concurrency = Integer.parseInt(args[1]);
			for (int round = 0; round < 2; round++) {
				for (String name : args[0].split(",")) {
					try (Contender contender = Contenders.create(name, server.baseUrl(), concurrency)) {
						LoadDriver.Result result = LoadDriver.run(contender, concurrency, Duration.ofSeconds(3),
								Duration.ofSeconds(Long.parseLong(args[2])));
						String stats = new String(
								new java.net.URL(server.baseUrl() + "/stats").openStream().readAllBytes());
						System.out.printf(
								"round %d %s at %d: %.0f calls/s, p99 %.3f ms, server token/task requests so far: %s%n",
								round, name, concurrency, result.callsPerSecond(), result.p99Millis(), stats);
					}
				}
			}
		}
	}

}
