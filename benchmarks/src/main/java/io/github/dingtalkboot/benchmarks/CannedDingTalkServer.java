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
import java.util.concurrent.atomic.AtomicLong;

import io.netty.buffer.Unpooled;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * A fast local DingTalk: canned token and task answers, shared by all contenders so the
 * only difference is the client. Run in its own JVM (see {@link BenchmarkMain}) so its
 * CPU and allocations are not counted against any client. Prints its port on the first
 * line of stdout.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CannedDingTalkServer {

	static final String TOKEN = "bench-token";

	private static final byte[] TOKEN_BODY = ("{\"accessToken\":\"" + TOKEN + "\",\"expireIn\":7200}")
		.getBytes(StandardCharsets.UTF_8);

	static final byte[] TASK_BODY = ("{\"task\":{\"id\":\"t-1\",\"status\":\"IN_PROGRESS\",\"totalCount\":10,"
			+ "\"successCount\":3,\"failCount\":0,\"failMessage\":null,\"beginTime\":\"2022-07-29T14:55Z\",\"endTime\":null}}")
		.getBytes(StandardCharsets.UTF_8);

	private CannedDingTalkServer() {
	}

	public static void main(String[] args) throws Exception {
		AtomicLong tokenRequests = new AtomicLong();
		AtomicLong taskRequests = new AtomicLong();
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.route((routes) -> routes.post("/v1.0/oauth2/accessToken", (request, response) -> {
				tokenRequests.incrementAndGet();
				return request.receive()
					.then(response.header("Content-Type", "application/json")
						.send(Mono.just(Unpooled.wrappedBuffer(TOKEN_BODY)))
						.then());
			}).get("/v1.0/storage/tasks/{taskId}", (request, response) -> {
				taskRequests.incrementAndGet();
				return response.header("Content-Type", "application/json")
					.send(Mono.just(Unpooled.wrappedBuffer(TASK_BODY)))
					.then();
			})
				.get("/stats",
						(request, response) -> response.header("Content-Type", "text/plain")
							.sendString(Mono.just(tokenRequests.get() + " " + taskRequests.get()))
							.then()))
			.bindNow();
		System.out.println(server.port());
		System.out.flush();
		// ends when the parent closes our stdin
		while (System.in.read() != -1) {
			// keep serving
		}
		server.disposeNow();
	}

}
