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

package io.github.dingtalkboot.test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.netty.handler.codec.http.HttpResponseStatus;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The failures a test asked the sandbox for: the next requests of an API, or a share of
 * all of them at random; and how each failure is answered.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxFaults {

	private final Map<DingTalkSandbox.Api, Deque<SandboxFailure>> queued = new EnumMap<>(DingTalkSandbox.Api.class);

	private final Map<DingTalkSandbox.Api, Share> shares = new ConcurrentHashMap<>();

	private final SandboxHttp http;

	SandboxFaults(SandboxHttp http) {
		this.http = http;
	}

	void failNext(DingTalkSandbox.Api api, int times, SandboxFailure failure) {
		Objects.requireNonNull(failure, "failure");
		synchronized (this.queued) {
			Deque<SandboxFailure> queue = this.queued.computeIfAbsent(api, (key) -> new ArrayDeque<>());
			for (int i = 0; i < times; i++) {
				queue.add(failure);
			}
		}
	}

	void failShare(DingTalkSandbox.Api api, double share, SandboxFailure failure) {
		if (share < 0 || share > 1) {
			throw new IllegalArgumentException("A share is 0 to 1, not " + share);
		}
		this.shares.put(api, new Share(share, Objects.requireNonNull(failure, "failure")));
	}

	/**
	 * Answer a request: with the failure due, if any, else as the API does.
	 * @param api the API requested
	 * @param response the response
	 * @param answer answers as the API does
	 * @return the answer
	 */
	Mono<Void> answer(DingTalkSandbox.Api api, HttpServerResponse response, Supplier<Mono<Void>> answer) {
		SandboxFailure failure = next(api);
		if (failure == null) {
			return answer.get();
		}
		return switch (failure.kind()) {
			case ERROR -> this.http.error(response, failure.status(), failure.code(), "sandbox failure");
			case BAN_PAGE -> response.status(HttpResponseStatus.FORBIDDEN)
				.header("Content-Type", "text/html;charset=utf-8")
				.sendString(Mono
					.just("<html><body><h1>403 Forbidden</h1><p>Your IP is banned for 5 minutes.</p></body></html>"))
				.then();
			// answered as at the end of the delay (a token's expiry on the sandbox's
			// clock)
			case DELAY -> Mono.delay(failure.delay()).then(Mono.defer(answer));
			case DROP -> {
				response.withConnection((connection) -> connection.channel().close());
				yield Mono.empty();
			}
		};
	}

	private @Nullable SandboxFailure next(DingTalkSandbox.Api api) {
		SandboxFailure failure;
		synchronized (this.queued) {
			Deque<SandboxFailure> queue = this.queued.get(api);
			failure = (queue != null) ? queue.poll() : null;
		}
		Share share = this.shares.get(api);
		if (failure == null && share != null && ThreadLocalRandom.current().nextDouble() < share.share()) {
			failure = share.failure();
		}
		return failure;
	}

	/** A share of requests failed at random. */
	private record Share(double share, SandboxFailure failure) {

	}

}
