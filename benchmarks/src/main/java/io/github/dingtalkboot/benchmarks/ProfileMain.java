package io.github.dingtalkboot.benchmarks;

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
