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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.dingtalkboot.callback.internal.CallbackReceiver;
import io.github.dingtalkboot.callback.internal.CallbackRequest;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The callback endpoint of a WebFlux application: reads at most
 * {@link CallbackReceiver#MAX_BODY_BYTES} of a push, within a bound, and answers what the
 * {@link CallbackReceiver} says.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class CallbackWebFluxRoute {

	private CallbackWebFluxRoute() {
	}

	static RouterFunction<ServerResponse> of(String path, CallbackReceiver receiver, Duration readTimeout) {
		return RouterFunctions.route(RequestPredicates.POST(path),
				(request) -> receive(request, receiver, readTimeout));
	}

	private static Mono<ServerResponse> receive(ServerRequest request, CallbackReceiver receiver,
			Duration readTimeout) {
		@Nullable String signature = request.queryParam("msg_signature").or(() -> request.queryParam("signature")).orElse(null);
		@Nullable String timestamp = request.queryParam("timestamp").orElse(null);
		@Nullable String nonce = request.queryParam("nonce").orElse(null);
		Mono<CallbackRequest> push;
		if (request.headers().contentLength().orElse(-1) > CallbackReceiver.MAX_BODY_BYTES) {
			push = Mono.just(new CallbackRequest(signature, timestamp, nonce, new byte[0], true));
		}
		else {
			push = DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), CallbackReceiver.MAX_BODY_BYTES)
				.map(CallbackWebFluxRoute::bytes)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new CallbackRequest(signature, timestamp, nonce, body, false))
				.onErrorResume(DataBufferLimitException.class,
						(tooLarge) -> Mono.just(new CallbackRequest(signature, timestamp, nonce, new byte[0], true)))
				.timeout(readTimeout);
		}
		return push.flatMap(receiver::receive)
			.flatMap((reply) -> ServerResponse.status(reply.status())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(reply.body()))
			.onErrorResume(TimeoutException.class, (slow) -> ServerResponse.status(HttpStatus.REQUEST_TIMEOUT).build());
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
