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

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@link CannedDingTalkServer} in a JVM of its own, so that its CPU and allocations count
 * against no client. Closing it tells the server to stop.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class CannedServerProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private CannedServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/**
	 * Start the server and wait until it prints its port.
	 * @return the running server
	 * @throws IOException if it cannot be started
	 */
	static CannedServerProcess start() throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				CannedDingTalkServer.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		String port = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
			.readLine();
		if (port == null) {
			process.destroy();
			throw new IOException("The canned DingTalk server ended before printing its port");
		}
		return new CannedServerProcess(process, Integer.parseInt(port.strip()));
	}

	int port() {
		return this.port;
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * CPU time the server has used so far.
	 * @return nanoseconds, 0 when the platform does not say
	 */
	long cpuNanos() {
		return this.process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
	}

	@Override
	public void close() throws IOException, InterruptedException {
		this.process.getOutputStream().close();
		this.process.waitFor(10, TimeUnit.SECONDS);
		this.process.destroy();
	}

}
