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

package io.github.dingtalkboot.core.internal;

import java.util.function.Consumer;

import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.client.ClientResponse;

/**
 * Reads DingTalk's answer to one attempt: a successful body with the caller's
 * {@link BodyReader}, anything else as a typed {@link DingTalkException}; and records the
 * status, error code and request id in the call's observation context.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class AnswerReader {

	private final Log logger;

	private static final byte[] EMPTY = new byte[0];

	private final JsonMapper json;

	AnswerReader(JsonMapper json, Log logger) {
		this.json = json;
		this.logger = logger;
	}

	/**
	 * Read an answer.
	 * @param <T> what the reader makes
	 * @param response the answer
	 * @param call the call's observation context, or {@code null}
	 * @param reader reads a 2xx answer's body
	 * @return what the reader made, or the answer's error
	 */
	<T> Mono<T> read(ClientResponse response, @Nullable DingTalkClientObservationContext call, BodyReader<T> reader) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.onErrorResume(AnswerReader::isOverLimit, (ex) -> Mono.error(oversized(response, call, ex)))
			.map((body) -> answer(response, call, body, reader));
	}

	/**
	 * Read a successful body as a JSON object.
	 * @param status the HTTP status
	 * @param body the body
	 * @return the object
	 */
	JsonNode parseObject(int status, byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw BodyReader.notAnObject(status, body);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw BodyReader.notJson(status, body, ex);
		}
	}

	/**
	 * The root cause of a failure, as a short text for a message.
	 * @param ex the failure
	 * @return its root cause's type and message
	 */
	static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
	}

	private <T> T answer(ClientResponse response, @Nullable DingTalkClientObservationContext call, byte[] body,
			BodyReader<T> reader) {
		int status = response.statusCode().value();
		if (!response.statusCode().is2xxSuccessful()) {
			DingTalkError error = DingTalkErrors.read(status, response.headers().asHttpHeaders(), body, this.json);
			record(call, (c) -> c.answered(status, error.code(), error.requestId()));
			if (error.code() != null && !DingTalkErrorCodes.DOCUMENTED.contains(error.code())) {
				this.logger.info("DingTalk answered an undocumented error code '" + error.code()
						+ "' (reported as OTHER in metrics)");
			}
			throw DingTalkErrors.toException(error);
		}
		record(call, (c) -> c.answered(status, null,
				response.headers().asHttpHeaders().getFirst(DingTalkErrors.REQUEST_ID_HEADER)));
		return reader.read(status, body);
	}

	// an answer whose body is larger than the codecs' limit: its status still says what
	// it was
	private static DingTalkException oversized(ClientResponse response, @Nullable DingTalkClientObservationContext call,
			Throwable ex) {
		int status = response.statusCode().value();
		HttpHeaders headers = response.headers().asHttpHeaders();
		String problem = "a body larger than the client's limit (" + describe(ex) + ")";
		if (!response.statusCode().is2xxSuccessful()) {
			DingTalkError error = new DingTalkError(status, null, problem,
					headers.getFirst(DingTalkErrors.REQUEST_ID_HEADER), headers.getFirst(HttpHeaders.RETRY_AFTER));
			record(call, (c) -> c.answered(status, null, error.requestId()));
			return DingTalkErrors.toException(error);
		}
		record(call, (c) -> c.answered(status, null, headers.getFirst(DingTalkErrors.REQUEST_ID_HEADER)));
		return new DingTalkMalformedResponseException("DingTalk answered HTTP " + status + " with " + problem, ex);
	}

	private static boolean isOverLimit(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof DataBufferLimitException) {
				return true;
			}
		}
		return false;
	}

	private static void record(@Nullable DingTalkClientObservationContext call,
			Consumer<DingTalkClientObservationContext> action) {
		if (call != null) {
			action.accept(call);
		}
	}

}
