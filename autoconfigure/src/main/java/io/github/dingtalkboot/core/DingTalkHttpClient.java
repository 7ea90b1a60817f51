package io.github.dingtalkboot.core;

import java.util.Map;

import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends requests to DingTalk's v1.0 APIs and turns every answer into JSON or a typed
 * {@link DingTalkException}; applies the {@link RetryPolicy} to each call.
 * <p>
 * Shared by the token suppliers and the storage client, so all of them use one connection pool and
 * one reading of DingTalk's errors. Internal to the starter: not meant to be called by applications.
 */
public final class DingTalkHttpClient implements AutoCloseable {

	/** The header DingTalk's v1.0 APIs read the access token from. */
	public static final String ACCESS_TOKEN_HEADER = "x-acs-dingtalk-access-token";

	private static final byte[] EMPTY = new byte[0];

	private final WebClient webClient;

	private final JsonMapper json;

	private final RetryPolicy retryPolicy;

	private final @Nullable ConnectionProvider connectionProvider;

	DingTalkHttpClient(WebClient webClient, JsonMapper json, RetryPolicy retryPolicy,
			@Nullable ConnectionProvider connectionProvider) {
		this.webClient = webClient;
		this.json = json;
		this.retryPolicy = retryPolicy;
		this.connectionProvider = connectionProvider;
	}

	/**
	 * Create a client on Reactor Netty with its own connection pool.
	 * @param builder the builder to start from (cloned, so Boot's codecs, filters and observations
	 * apply while the builder itself stays untouched)
	 * @param baseUrl DingTalk's base URL, e.g. {@code https://api.dingtalk.io}
	 * @param http timeouts and pool size
	 * @param retryPolicy the retry policy for every call
	 * @return the client; close it to release its connections
	 */
	public static DingTalkHttpClient create(WebClient.Builder builder, String baseUrl, HttpSettings http,
			RetryPolicy retryPolicy) {
		ConnectionProvider pool = ConnectionProvider.builder("dingtalk")
			.maxConnections(http.maxConnections())
			.pendingAcquireMaxCount(http.maxPendingAcquires())
			.build();
		HttpClient httpClient = HttpClient.create(pool)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, http.connectTimeout().toMillis()))
			.responseTimeout(http.responseTimeout());
		WebClient webClient = builder.clone()
			.baseUrl(baseUrl)
			.clientConnector(new ReactorClientHttpConnector(httpClient))
			.build();
		return new DingTalkHttpClient(webClient, JsonMapper.builder().build(), retryPolicy, pool);
	}

	/**
	 * The JSON mapper used for DingTalk's bodies.
	 * @return the mapper
	 */
	public JsonMapper json() {
		return this.json;
	}

	/**
	 * {@code GET} a DingTalk resource with an access token, with retries.
	 * @param operation the logical operation, e.g. {@code storage.task.get}
	 * @param uriTemplate the path template, e.g. {@code /v1.0/storage/tasks/{taskId}?unionId={unionId}};
	 * every variable is encoded strictly, as one path segment or one query value
	 * @param uriVariables the template's variables
	 * @param accessToken the access token
	 * @return the answer's JSON object
	 */
	public Mono<JsonNode> get(String operation, String uriTemplate, Map<String, ?> uriVariables, String accessToken) {
		WebClient.RequestHeadersSpec<?> request = this.webClient.get()
			.uri(uriTemplate, uriVariables)
			.accept(MediaType.APPLICATION_JSON)
			.header(ACCESS_TOKEN_HEADER, accessToken);
		return exchange(operation, "GET " + uriTemplate, request);
	}

	/**
	 * {@code POST} a JSON body to DingTalk, with retries.
	 * @param operation the logical operation, e.g. {@code oauth2.access-token}
	 * @param uri the path, e.g. {@code /v1.0/oauth2/accessToken}
	 * @param body the body's fields
	 * @return the answer's JSON object
	 */
	public Mono<JsonNode> post(String operation, String uri, Map<String, ?> body) {
		return Mono.fromCallable(() -> this.json.writeValueAsBytes(body)).flatMap((bytes) -> {
			WebClient.RequestHeadersSpec<?> request = this.webClient.post()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(bytes);
			return exchange(operation, "POST " + uri, request);
		});
	}

	private Mono<JsonNode> exchange(String operation, String description, WebClient.RequestHeadersSpec<?> request) {
		Mono<JsonNode> attempt = request.exchangeToMono(this::read)
			.onErrorMap((ex) -> !(ex instanceof DingTalkException),
					(ex) -> new DingTalkTransportException(
							"No usable answer from DingTalk for " + description + ": " + describe(ex), ex));
		return this.retryPolicy.apply(operation, attempt, RetryPolicy.AttemptListener.NONE);
	}

	private Mono<JsonNode> read(ClientResponse response) {
		return response.bodyToMono(byte[].class).defaultIfEmpty(EMPTY).map((body) -> {
			int status = response.statusCode().value();
			if (!response.statusCode().is2xxSuccessful()) {
				throw DingTalkError.read(status, response.headers().asHttpHeaders(), body, this.json).toException();
			}
			return parseObject(status, body);
		});
	}

	private JsonNode parseObject(int status, byte[] body) {
		try {
			JsonNode node = this.json.readTree(body);
			if (node == null || !node.isObject()) {
				throw new DingTalkMalformedResponseException(
						"DingTalk answered HTTP " + status + " with a body that is not a JSON object ("
								+ body.length + " bytes)");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw new DingTalkMalformedResponseException(
					"DingTalk answered HTTP " + status + " with a body that is not JSON (" + body.length + " bytes)",
					ex);
		}
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
	 * Release the connection pool.
	 */
	@Override
	public void close() {
		if (this.connectionProvider != null) {
			this.connectionProvider.dispose();
		}
	}

}
