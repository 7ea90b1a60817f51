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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Heap per cached corp token of a third-party app: the starter's own
 * {@link CorpAccessTokenSupplier} (auto-configured, no cluster) fetches the token of
 * {@code corps} corps from an in-process fake DingTalk that answers every corp access
 * token request with a new 32-character token, as DingTalk does; the used heap after GC
 * before and after, divided by the corps cached.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.dingtalkboot.benchmarks.CorpTokenHeapMain 20000 [redis-port]}; with a Redis
 * port, as with the cluster on (each corp's token kept in Redis too).
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CorpTokenHeapMain {

	private CorpTokenHeapMain() {
	}

	public static void main(String[] args) throws Exception {
		int corps = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		// a Redis port: each corp's token is shared through it, as with the cluster on
		String redisPort = (args.length > 1) ? args[1] : null;
		AtomicLong tokenRequests = new AtomicLong();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1.0/oauth2/corpAccessToken", (request, response) -> {
				tokenRequests.incrementAndGet();
				byte[] body = ("{\"accessToken\":\"" + HexFormat.of().formatHex(randomBytes(16))
						+ "\",\"expireIn\":7200}")
					.getBytes(StandardCharsets.UTF_8);
				return request.receive()
					.then(response.header("Content-Type", "application/json")
						.send(Mono.just(Unpooled.wrappedBuffer(body)))
						.then());
			}))
			.bindNow();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Contenders.StarterApplication.class)
			.web(WebApplicationType.NONE)
			.properties(Map.of("dingtalk.base-url", "http://127.0.0.1:" + server.port(), "dingtalk.suite-key", "suite",
					"dingtalk.suite-secret", "suite-secret", "dingtalk.suite-ticket", "ticket",
					"dingtalk.corp-tokens.max-size", String.valueOf(corps), "spring.main.banner-mode", "off",
					"logging.level.root", "WARN"))
			.run()) {
			CorpAccessTokenSupplier tokens = context.getBean(CorpAccessTokenSupplier.class);
			// warm up the classes and the connection pool on other corps, then forget
			// them
			Flux.range(0, 200).flatMap((i) -> tokens.getAccessToken("warm-" + i), 32).blockLast(Duration.ofMinutes(1));
			for (int i = 0; i < 200; i++) {
				tokens.forgetCorp("warm-" + i);
			}
			long before = BenchmarkMain.usedHeapAfterGc();
			Flux.range(0, corps).flatMap((i) -> tokens.getAccessToken(corpId(i)), 64).blockLast(Duration.ofMinutes(10));
			long after = BenchmarkMain.usedHeapAfterGc();
			System.out.printf("%,d corps cached (%,d token requests), tokens %s%n", corps, tokenRequests.get() - 200,
					(redisPort != null) ? "shared through Redis on port " + redisPort : "local");
			System.out.printf("heap per cached corp token: %.0f bytes (target < 1024)%n",
					(double) (after - before) / corps);
			// keep the cache reachable until measured
			System.out.println(tokens.getAccessToken(corpId(0)).block(Duration.ofSeconds(10)).length());
		}
		finally {
			server.disposeNow();
		}
	}

	/** A corp id shaped like DingTalk's: {@code ding} and 32 hex digits. */
	private static String corpId(int i) {
		return "ding" + String.format("%032x", (long) i * 2_654_435_761L);
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
