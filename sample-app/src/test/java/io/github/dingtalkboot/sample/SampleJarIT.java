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

package io.github.dingtalkboot.sample;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sample runs as users run a Boot application: {@code java -jar}.
 */
class SampleJarIT {

	private static final Pattern PORT = Pattern.compile("Netty started on port (\\d+)");

	/**
	 * Logged once the application is ready: the sandbox has pushed the suite ticket by
	 * then.
	 */
	private static final Pattern STARTED = Pattern.compile("Started SampleApplication in");

	@Test
	void theRepackagedJarStartsWithJavaDashJarAndIsHealthy() throws Exception {
		Path jar = Path.of(System.getProperty("sample.jar", "target/dingtalk-sample-app-0.1.0-SNAPSHOT.jar"));
		assertThat(jar).exists();
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		Process app = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--server.port=0")
			.redirectErrorStream(true)
			.start();
		try {
			CompletableFuture<Void> started = new CompletableFuture<>();
			int port = portFromOutput(app, started).get(120, TimeUnit.SECONDS);
			started.get(120, TimeUnit.SECONDS);
			HttpResponse<String> health = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(health.body()).contains("\"status\":\"UP\"");
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static CompletableFuture<Integer> portFromOutput(Process app, CompletableFuture<Void> started) {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					Matcher matcher = PORT.matcher(line);
					if (!port.isDone() && matcher.find()) {
						port.complete(Integer.parseInt(matcher.group(1)));
					}
					if (STARTED.matcher(line).find()) {
						started.complete(null);
					}
				}
				port.completeExceptionally(new IllegalStateException("the application ended without starting"));
				started.completeExceptionally(new IllegalStateException("the application ended without starting"));
			}
			catch (Exception ex) {
				port.completeExceptionally(ex);
				started.completeExceptionally(ex);
			}
		}, "sample-jar-output");
		reader.setDaemon(true);
		reader.start();
		return port;
	}

}
