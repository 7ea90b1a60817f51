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

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import io.github.dingtalkboot.core.DefaultDingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends requests to DingTalk's v1.0 APIs and turns every answer into JSON or a typed
 * {@link DingTalkException}; applies the {@link RetryPolicy} to each request and observes
 * each logical call as {@code dingtalk.client.requests}.
 * <p>
 * Shared by the token suppliers and the storage client, so all of them use one connection
 * pool, one retry budget and one reading of DingTalk's errors. Runs on its own connection
 * pool and event loops, which {@link #close()} releases for good; closing also ends every
 * call still running (see {@link #shutdown(Duration)}). Internal to the starter:
 * applications use {@code StorageTaskOperations}.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class DingTalkHttpClient implements AutoCloseable {

	/** The header DingTalk's v1.0 APIs read the access token from. */
	public static final String ACCESS_TOKEN_HEADER = "x-acs-dingtalk-access-token";

	/**
	 * Where WebClient's own observation looks for the URI template (the {@code uri} tag
	 * of {@code http.client.requests}); set by hand because the query is built
	 * separately.
	 */
	private static final String URI_TEMPLATE_ATTRIBUTE = WebClient.class.getName() + ".uriTemplate";

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

	// the one category of the client's request logging, its parts' too
	private static final Log logger = LogFactory.getLog(DingTalkHttpClient.class);

	private final ClientResources resources;

	private final JsonMapper json;

	private final AnswerReader answers;

	private final RetryingExchange exchange;

	private final Duration attemptTimeout;

	private final ObservationRegistry observationRegistry;

	private final @Nullable DingTalkClientObservationConvention observationConvention;

	private final DefaultDingTalkClientObservationConvention defaultConvention = new DefaultDingTalkClientObservationConvention();

	private final RunningCalls runningCalls = new RunningCalls();

	private final RequestUris uris;

	/**
	 * Create a client; {@link DingTalkHttpClientBuilder} says what each part is.
	 * @param resources its connection pool, event loops and WebClient
	 * @param baseUrl the base URL
	 * @param http timeouts and pool size
	 * @param retryPolicy the retry policy for every request
	 * @param observationRegistry where observations go
	 * @param observationConvention a convention replacing the default one, or
	 * {@code null}
	 */
	DingTalkHttpClient(ClientResources resources, String baseUrl, HttpSettings http, RetryPolicy retryPolicy,
			ObservationRegistry observationRegistry,
			@Nullable DingTalkClientObservationConvention observationConvention) {
		this.resources = resources;
		this.json = JsonMapper.builder().build();
		this.answers = new AnswerReader(this.json, logger);
		this.attemptTimeout = http.responseTimeout();
		this.exchange = new RetryingExchange(retryPolicy, this.attemptTimeout, this.answers, logger);
		this.uris = new RequestUris(baseUrl);
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
	}

	/**
	 * Observe a logical call as one {@code dingtalk.client.requests} observation,
	 * covering all the requests it makes (and their retries) and any wait for a token.
	 * @param <T> the result type
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param taskId the storage task concerned (a trace-only key), or {@code null}
	 * @param call the call
	 * @return the observed call
	 */
	public <T> Mono<T> observe(String operation, @Nullable String taskId, Mono<T> call) {
		return Mono.deferContextual((reactorContext) -> {
			ObservedCall observed = start(operation, taskId, reactorContext);
			return observed.observe(this.runningCalls.single(call));
		});
	}

	/**
	 * Observe a long-running call that emits many results, e.g. a watch that polls. The
	 * call must end by itself when the client closes (see {@link #closing()}): one
	 * registration for all watches of a schedule costs less than one per watch.
	 * @param <T> the result type
	 * @param operation the logical operation, e.g. {@code storage.task.watch}
	 * @param taskId the storage task concerned (a trace-only key), or {@code null}
	 * @param call makes the call, given the context to record polls in
	 * @return the observed call
	 */
	public <T> Flux<T> observeMany(String operation, @Nullable String taskId,
			Function<DingTalkClientObservationContext, Flux<T>> call) {
		return Flux.deferContextual((reactorContext) -> {
			ObservedCall observed = start(operation, taskId, reactorContext);
			return observed.observe(call.apply(observed.context()));
		});
	}

	private ObservedCall start(String operation, @Nullable String taskId, ContextView reactorContext) {
		DingTalkClientObservationContext context = new DingTalkClientObservationContext(operation, taskId);
		Observation observation = DingTalkClientObservationDocumentation.DINGTALK_CLIENT_REQUESTS
			.observation(this.observationConvention, this.defaultConvention, () -> context, this.observationRegistry)
			.parentObservation(reactorContext.getOrDefault(ObservedCall.OBSERVATION_KEY, null))
			.start();
		return new ObservedCall(context, observation, reactorContext.getOrDefault(ObservedCall.CALL_CONTEXT_KEY, null));
	}

	/**
	 * {@code GET} a DingTalk resource with an access token, with retries, reading a
	 * successful answer's body with the given reader (a streaming one, say, that makes no
	 * JSON tree).
	 * @param <T> what the reader makes
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param pathTemplate the path, e.g. {@code /v1.0/storage/tasks/{taskId}}; each
	 * variable is encoded as exactly one path segment
	 * @param pathVariables the path's variables
	 * @param query query parameters, each value encoded strictly
	 * @param accessToken the access token
	 * @param rateLimiter paces every attempt (retries included), or {@code null} for none
	 * @param reader reads a 2xx answer's body; throws a {@code DingTalkException} for a
	 * body it cannot read
	 * @return what the reader made
	 */
	public <T> Mono<T> get(String operation, String pathTemplate, Map<String, String> pathVariables,
			Map<String, String> query, String accessToken, @Nullable DingTalkRateLimiter rateLimiter,
			BodyReader<T> reader) {
		if (!isHeaderValue(accessToken)) {
			return Mono.error(new DingTalkException(
					"The access token is not a valid HTTP header value "
							+ "(it is empty or holds spaces, control or non-ASCII characters); nothing was sent",
					null, 0));
		}
		WebClient.RequestHeadersSpec<?> request = this.resources.webClient()
			.get()
			.uri(this.uris.expand(pathTemplate, pathVariables, query))
			.attribute(URI_TEMPLATE_ATTRIBUTE, pathTemplate)
			.accept(MediaType.APPLICATION_JSON)
			.header(ACCESS_TOKEN_HEADER, accessToken);
		return this.exchange.exchange(operation, "GET " + pathTemplate, request, rateLimiter, reader);
	}

	/**
	 * {@code POST} a JSON body to DingTalk, with retries.
	 * @param operation the logical operation, e.g. {@code oauth2.access-token}
	 * @param path the path, e.g. {@code /v1.0/oauth2/accessToken}
	 * @param body the body's fields
	 * @return the answer's JSON object
	 */
	public Mono<JsonNode> post(String operation, String path, Map<String, ?> body) {
		return Mono.fromCallable(() -> this.json.writeValueAsBytes(body)).flatMap((bytes) -> {
			WebClient.RequestHeadersSpec<?> request = this.resources.webClient()
				.post()
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(bytes);
			return this.exchange.exchange(operation, "POST " + path, request, null, this.answers::parseObject);
		});
	}

	/**
	 * Whether a token can be sent as a header value as it is: visible ASCII only. A token
	 * with CR, LF, spaces or other characters would be refused by Netty (or, worse, split
	 * the header).
	 * @param value the token
	 * @return {@code true} when it is a non-empty run of visible ASCII characters
	 */
	public static boolean isHeaderValue(String value) {
		if (value.isEmpty()) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c <= ' ' || c >= 0x7F) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Close the client: calls made from now on fail at once, running watches end at once,
	 * single calls in flight may finish within the grace period; then all of them have
	 * ended with a {@link DingTalkClientClosedException} and the connection pool and
	 * event loops are released.
	 * @param gracePeriod how long calls in flight may go on
	 * @return completes when everything is stopped and released
	 */
	public Mono<Void> shutdown(Duration gracePeriod) {
		return this.runningCalls.close(gracePeriod).then(Mono.defer(() -> this.resources.release(RELEASE_TIMEOUT)));
	}

	/**
	 * A signal for what runs until it is cancelled (a poll schedule and its watches): it
	 * fails with {@link DingTalkClientClosedException} as soon as closing begins, at once
	 * if it has.
	 * @return the signal; it never completes
	 */
	public Mono<Void> closing() {
		return this.runningCalls.longRunning(Flux.<Void>never()).then();
	}

	/**
	 * The deadline of one attempt (headers and body).
	 * @return the response timeout in force
	 */
	public Duration attemptTimeout() {
		return this.attemptTimeout;
	}

	/**
	 * Whether {@link #shutdown(Duration)} or {@link #close()} was called.
	 * @return {@code true} when the client is closing or closed
	 */
	public boolean isClosed() {
		return this.runningCalls.isClosing();
	}

	/**
	 * Close at once, without a grace period, and wait (a few seconds at most) until the
	 * connection pool and event loops are released. Does nothing more when already
	 * closed.
	 */
	@Override
	public void close() {
		shutdown(Duration.ZERO).block(RELEASE_TIMEOUT.multipliedBy(2));
	}

}
