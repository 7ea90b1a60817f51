package io.github.dingtalkboot.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;

/**
 * Runs one contender at one concurrency for a while against a server in another JVM, for
 * a profiler (e.g. {@code -XX:StartFlightRecording}). Arguments: contender name,
 * concurrency, seconds.
 */
public final class ProfileMain {

	private ProfileMain() {
	}

	public static void main(String[] args) throws Exception {
		String java = ProcessHandle.current().info().command().orElse("java");
		Process server = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				CannedDingTalkServer.class.getName())
			.redirectError(ProcessBuilder.Redirect.INHERIT)
			.start();
		try {
			int port = Integer
				.parseInt(new BufferedReader(new InputStreamReader(server.getInputStream())).readLine().strip());
			int concurrency = Integer.parseInt(args[1]);
			for (int round = 0; round < 2; round++) {
				for (String name : args[0].split(",")) {
					try (Contender contender = Contenders.create(name, "http://127.0.0.1:" + port, concurrency)) {
						LoadDriver.Result result = LoadDriver.run(contender, concurrency, Duration.ofSeconds(3),
								Duration.ofSeconds(Long.parseLong(args[2])));
						String stats = new String(
								new java.net.URL("http://127.0.0.1:" + port + "/stats").openStream().readAllBytes());
						System.out.printf(
								"round %d %s at %d: %.0f calls/s, p99 %.3f ms, server token/task requests so far: %s%n",
								round, name, concurrency, result.callsPerSecond(), result.p99Millis(), stats);
					}
				}
			}
		}
		finally {
			server.getOutputStream().close();
			server.waitFor();
		}
	}

}
