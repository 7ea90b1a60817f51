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
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import io.github.dingtalkboot.core.DefaultDingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkClientObservationConvention;
import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation;
import io.github.dingtalkboot.core.DingTalkError;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;
import reactor.util.context.ContextView;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
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

	/**
	 * Reactor context key of the current observation, as Micrometer's
	 * {@code ObservationThreadLocalAccessor.KEY}: WebClient makes its observations
	 * children of it.
	 */

	private static final DefaultDingTalkClientObservationConvention DEFAULT_CONVENTION = new DefaultDingTalkClientObservationConvention();

	private static final byte[] EMPTY = new byte[0];

	private static final Duration RELEASE_TIMEOUT = Duration.ofSeconds(5);

	private static final Log logger = LogFactory.getLog(DingTalkHttpClient.class);

	private final Supplier<WebClient> webClientFactory;

	private volatile @Nullable WebClient webClient;

	private final JsonMapper json;

	private final RetryPolicy retryPolicy;

	private final Duration attemptTimeout;

	private final ObservationRegistry observationRegistry;

	private final @Nullable DingTalkClientObservationConvention observationConvention;

	private final ConnectionProvider connectionProvider;

	private final LoopResources loopResources;

	private final RunningCalls runningCalls = new RunningCalls();

	private final RequestUris uris;

	private DingTalkHttpClient(Builder builder) {
		HttpSettings http = Objects.requireNonNull(builder.http);
		this.connectionProvider = ConnectionProvider.builder("dingtalk")
			.maxConnections(http.maxConnections())
			.pendingAcquireMaxCount(http.maxPendingAcquires())
			.build();
		this.loopResources = LoopResources.create("dingtalk-http", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
		WebClient.Builder webClient = builder.webClientBuilder.clone().baseUrl(builder.baseUrl);
		ConnectorFactory connectorFactory = Objects.requireNonNull(builder.connectorFactory);
		Consumer<WebClient.Builder> customizer = builder.customizer;
		// made on first use: putting a client on its own event loops sets up their DNS
		// resolver, which costs start-up time (tens of milliseconds, more in a cold JVM)
		// that an application may never need
		this.webClientFactory = () -> {
			HttpClient httpClient = HttpClient.create(this.connectionProvider);
			// last, so that a proxy set before keeps its own address resolution (runOn
			// would replace it)
			UnaryOperator<HttpClient> onOwnEventLoops = (client) -> client.runOn(this.loopResources);
			webClient.clientConnector(connectorFactory.create(httpClient, onOwnEventLoops));
			customizer.accept(webClient);
			return webClient.build();
		};
		this.json = JsonMapper.builder().build();
		this.uris = new RequestUris(builder.baseUrl);
		this.retryPolicy = builder.retryPolicy;
		this.attemptTimeout = http.responseTimeout();
		this.observationRegistry = builder.observationRegistry;
		this.observationConvention = builder.observationConvention;
	}

	/**
	 * Start building a client.
	 * @param webClientBuilder the builder to start from (cloned, so Boot's codecs,
	 * filters and observations apply while the builder itself stays untouched)
	 * @param baseUrl the base URL, e.g. {@code https://api.dingtalk.io}
	 * @param retryPolicy the retry policy for every request
	 * @return a builder
	 */
	public static Builder builder(WebClient.Builder webClientBuilder, String baseUrl, RetryPolicy retryPolicy) {
		return new Builder(webClientBuilder, baseUrl, retryPolicy);
	}

	/**
	 * Create a client with default HTTP settings' connector and without observations.
	 * @param builder the builder to start from (cloned)
	 * @param baseUrl the base URL, e.g. {@code https://api.dingtalk.io}
	 * @param http timeouts and pool size
	 * @param retryPolicy the retry policy for every request
	 * @return the client; close it to release its connections and threads
	 */
	public static DingTalkHttpClient create(WebClient.Builder builder, String baseUrl, HttpSettings http,
			RetryPolicy retryPolicy) {
		return builder(builder, baseUrl, retryPolicy).http(http).build();
	}

	/**
	 * Create a client with default HTTP settings' connector.
	 * @param builder the builder to start from (cloned)
	 * @param baseUrl the base URL
	 * @param http timeouts and pool size
	 * @param retryPolicy the retry policy for every request
	 * @param observationRegistry where {@code dingtalk.client.requests} observations go
	 * @param observationConvention a convention replacing the default one, or
	 * {@code null}
	 * @return the client; close it to release its connections and threads
	 */
	public static DingTalkHttpClient create(WebClient.Builder builder, String baseUrl, HttpSettings http,
			RetryPolicy retryPolicy, ObservationRegistry observationRegistry,
			@Nullable DingTalkClientObservationConvention observationConvention) {
		return builder(builder, baseUrl, retryPolicy).http(http)
			.observations(observationRegistry, observationConvention)
			.build();
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
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
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
		WebClient.RequestHeadersSpec<?> request = webClient().get()
			.uri(this.uris.expand(pathTemplate, pathVariables, query))
			.attribute(URI_TEMPLATE_ATTRIBUTE, pathTemplate)
			.accept(MediaType.APPLICATION_JSON)
			.header(ACCESS_TOKEN_HEADER, accessToken);
		return exchange(operation, "GET " + pathTemplate, request, rateLimiter, reader);
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
			WebClient.RequestHeadersSpec<?> request = webClient().post()
				.uri(path)
				.accept(MediaType.APPLICATION_JSON)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(bytes);
			return exchange(operation, "POST " + path, request, null, this::parseObject);
		});
	}

	private WebClient webClient() {
		WebClient client = this.webClient;
		if (client == null) {
			synchronized (this.webClientFactory) {
				client = this.webClient;
				if (client == null) {
					client = this.webClientFactory.get();
					this.webClient = client;
				}
			}
		}
		return client;
	}

	private <T> Mono<T> exchange(String operation, String description, WebClient.RequestHeadersSpec<?> request,
			@Nullable DingTalkRateLimiter rateLimiter, BodyReader<T> reader) {
		Mono<T> attempt = Mono.deferContextual((reactorContext) -> {
			DingTalkClientObservationContext call = reactorContext.getOrDefault(ObservedCall.CALL_CONTEXT_KEY, null);
			if (call != null) {
				call.attemptStarted();
			}
			// the whole attempt, headers and body, has one deadline: Netty's response
			// timeout only bounds the gap between two reads, which an answer trickling in
			// byte by byte never exceeds
			Mono<T> answer = request.exchangeToMono((response) -> read(response, call, reader))
				.timeout(this.attemptTimeout)
				.onErrorMap((ex) -> !(ex instanceof DingTalkException), (ex) -> transportFailure(description, ex));
			if (!logger.isDebugEnabled()) {
				return answer;
			}
			long start = System.nanoTime();
			return answer.doOnSuccess((json) -> logAttempt(operation, call, null, start))
				.doOnError((ex) -> logAttempt(operation, call, ex, start));
		});
		if (rateLimiter != null) {
			// the limiter's own refusal (no slot within max-wait) is not DingTalk's
			// answer:
			// it lowers no rate
			attempt = rateLimiter.acquire()
				.then(attempt.doOnSuccess((answer) -> rateLimiter.onSuccess()).doOnError((ex) -> {
					if (ex instanceof DingTalkThrottledException throttled && throttled.isRateLimited()) {
						rateLimiter.onThrottled();
					}
				}));
		}
		return this.retryPolicy.apply(operation, attempt);
	}

	private <T> Mono<T> read(ClientResponse response, @Nullable DingTalkClientObservationContext call,
			BodyReader<T> reader) {
		return response.bodyToMono(byte[].class)
			.defaultIfEmpty(EMPTY)
			.onErrorResume(DingTalkHttpClient::isOverLimit, (ex) -> Mono.error(oversized(response, call, ex)))
			.map((body) -> answer(response, call, body, reader));
	}

	private <T> T answer(ClientResponse response, @Nullable DingTalkClientObservationContext call, byte[] body,
			BodyReader<T> reader) {
		int status = response.statusCode().value();
		if (!response.statusCode().is2xxSuccessful()) {
			DingTalkError error = DingTalkErrors.read(status, response.headers().asHttpHeaders(), body, this.json);
			record(call, (c) -> c.answered(status, error.code(), error.requestId()));
			if (error.code() != null && !DingTalkErrorCodes.DOCUMENTED.contains(error.code())) {
				logger.info("DingTalk answered an undocumented error code '" + error.code()
						+ "' (reported as OTHER in metrics)");
			}
			throw DingTalkErrors.toException(error);
		}
		record(call, (c) -> c.answered(status, null,
				response.headers().asHttpHeaders().getFirst(DingTalkErrors.REQUEST_ID_HEADER)));
		return reader.read(status, body);
	}

	/*
	 * An answer whose body is larger than the codecs' limit: its status still says what
	 * it was.
	 */
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

	private DingTalkTransportException transportFailure(String description, Throwable ex) {
		if (ex instanceof TimeoutException) {
			return new DingTalkTransportException("No complete answer from DingTalk for " + description + " within "
					+ this.attemptTimeout + " (the response timeout)", ex);
		}
		return new DingTalkTransportException("No usable answer from DingTalk for " + description + ": " + describe(ex),
				ex);
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

	private static void record(@Nullable DingTalkClientObservationContext call,
			Consumer<DingTalkClientObservationContext> action) {
		if (call != null) {
			action.accept(call);
		}
	}

	private JsonNode parseObject(int status, byte[] body) {
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

	private static void logAttempt(String operation, @Nullable DingTalkClientObservationContext call,
			@Nullable Throwable error, long start) {
		long millis = (System.nanoTime() - start) / 1_000_000;
		StringBuilder line = new StringBuilder("DingTalk ").append(operation);
		if (call != null) {
			line.append(" attempt ").append(call.getAttempts());
		}
		if (error instanceof DingTalkApiException api) {
			line.append(": HTTP ").append(api.getStatusCode()).append(' ').append(api.getErrorCode());
			line.append(" requestid=").append(api.getRequestId());
		}
		else if (error != null) {
			line.append(": ").append(error.getClass().getSimpleName()).append(' ').append(error.getMessage());
		}
		else {
			line.append(": HTTP ").append((call != null) ? call.getStatus() : "2xx");
			line.append(" requestid=").append((call != null) ? call.getRequestId() : null);
		}
		logger.debug(line.append(" in ").append(millis).append(" ms"));
	}

	private static String describe(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + ((message != null) ? " (" + message + ")" : "");
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
		return this.runningCalls.close(gracePeriod)
			.then(Mono.defer(() -> Mono.when(this.connectionProvider.disposeLater(),
					this.loopResources.disposeLater(Duration.ZERO, RELEASE_TIMEOUT))));
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

	/**
	 * Makes the connector of DingTalk calls.
	 */
	@FunctionalInterface
	public interface ConnectorFactory {

		/**
		 * Make the connector.
		 * @param httpClient a Reactor Netty client on the DingTalk client's own
		 * connection pool
		 * @param onOwnEventLoops to apply to the finished client, after every other
		 * setting: puts it on the DingTalk client's own event loops
		 * @return the connector
		 */
		ClientHttpConnector create(HttpClient httpClient, UnaryOperator<HttpClient> onOwnEventLoops);

	}

	/**
	 * Builds a {@link DingTalkHttpClient}.
	 */
	public static final class Builder {

		private final WebClient.Builder webClientBuilder;

		private final String baseUrl;

		private final RetryPolicy retryPolicy;

		private @Nullable HttpSettings http;

		private @Nullable ConnectorFactory connectorFactory;

		private Consumer<WebClient.Builder> customizer = (builder) -> {
		};

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable DingTalkClientObservationConvention observationConvention;

		private Builder(WebClient.Builder webClientBuilder, String baseUrl, RetryPolicy retryPolicy) {
			this.webClientBuilder = webClientBuilder;
			this.baseUrl = baseUrl;
			this.retryPolicy = retryPolicy;
		}

		/**
		 * Set the pool size and timeouts; the response timeout bounds each attempt as a
		 * whole.
		 * @param http the settings
		 * @return this builder
		 */
		public Builder http(HttpSettings http) {
			this.http = http;
			return this;
		}

		/**
		 * Set how the connector is made, e.g. with Spring Boot's HTTP client settings; by
		 * default the connect and response timeouts of {@link #http(HttpSettings)} are
		 * applied.
		 * @param connectorFactory makes the connector
		 * @return this builder
		 */
		public Builder connector(ConnectorFactory connectorFactory) {
			this.connectorFactory = connectorFactory;
			return this;
		}

		/**
		 * Customize the {@link WebClient.Builder} of DingTalk calls last, after the
		 * connector is set.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder customizer(Consumer<WebClient.Builder> customizer) {
			this.customizer = customizer;
			return this;
		}

		/**
		 * Observe calls.
		 * @param observationRegistry where {@code dingtalk.client.requests} observations
		 * go
		 * @param observationConvention a convention replacing the default one, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder observations(ObservationRegistry observationRegistry,
				@Nullable DingTalkClientObservationConvention observationConvention) {
			this.observationRegistry = observationRegistry;
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Build the client.
		 * @return the client; close it to release its connections and threads
		 */
		public DingTalkHttpClient build() {
			HttpSettings settings = this.http;
			if (settings == null) {
				throw new IllegalStateException("http settings not set");
			}
			if (this.connectorFactory == null) {
				this.connectorFactory = (httpClient,
						onOwnEventLoops) -> new ReactorClientHttpConnector(
								onOwnEventLoops.apply(
										httpClient
											.option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
													(int) Math.min(Integer.MAX_VALUE,
															settings.connectTimeout().toMillis()))
											.responseTimeout(settings.responseTimeout())));
			}
			return new DingTalkHttpClient(this);
		}

	}

}
