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

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.dingtalkboot.callback.internal.CallbackReceiver;
import io.github.dingtalkboot.callback.internal.CallbackRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The callback endpoint of a Spring MVC application: reads at most
 * {@link CallbackReceiver#MAX_BODY_BYTES} of a push (the servlet container bounds the
 * read) and answers asynchronously what the {@link CallbackReceiver} says, so that no
 * request thread waits on the listeners.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class CallbackServletRoute {

	/** Beyond the receiver's own bound, which answers first. */
	private static final Duration SLACK = Duration.ofSeconds(5);

	private CallbackServletRoute() {
	}

	static RouterFunction<ServerResponse> of(String path, CallbackReceiver receiver, Duration timeout) {
		return RouterFunctions.route(RequestPredicates.POST(path), (request) -> receive(request, receiver, timeout));
	}

	private static ServerResponse receive(ServerRequest request, CallbackReceiver receiver, Duration timeout)
			throws IOException {
		@Nullable String signature = request.param("msg_signature").or(() -> request.param("signature")).orElse(null);
		@Nullable String timestamp = request.param("timestamp").orElse(null);
		@Nullable String nonce = request.param("nonce").orElse(null);
		HttpServletRequest servlet = request.servletRequest();
		byte[] body = new byte[0];
		boolean tooLarge = servlet.getContentLengthLong() > CallbackReceiver.MAX_BODY_BYTES;
		if (!tooLarge) {
			body = servlet.getInputStream().readNBytes(CallbackReceiver.MAX_BODY_BYTES + 1);
			tooLarge = body.length > CallbackReceiver.MAX_BODY_BYTES;
		}
		CallbackRequest push = new CallbackRequest(signature, timestamp, nonce, tooLarge ? new byte[0] : body,
				tooLarge);
		CompletableFuture<ServerResponse> answer = receiver.receive(push)
			.map((reply) -> ServerResponse.status(reply.status())
				.contentType(MediaType.APPLICATION_JSON)
				.body(reply.body()))
			.toFuture();
		return ServerResponse.async(answer, timeout.plus(SLACK));
	}

}
