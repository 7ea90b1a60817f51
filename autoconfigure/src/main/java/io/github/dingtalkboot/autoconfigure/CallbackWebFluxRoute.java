package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.callback.internal.CallbackReceiver;
import io.github.dingtalkboot.callback.internal.CallbackRequest;

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
