package io.github.dingtalkboot.storage;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkHttpClient;

/**
 * The {@link StorageTaskOperations} the starter provides, on a {@link DingTalkHttpClient}.
 * <p>
 * When DingTalk rejects the access token, the token is invalidated and the call is made once more
 * with a fresh one; a second rejection reaches the caller.
 */
public final class StorageTaskClient implements StorageTaskOperations {

	/** The operation name in metrics and logs. */
	public static final String OPERATION_GET = "storage.task.get";

	static final String UNION_ID_PROPERTY = "dingtalk.storage.union-id";

	static final String TASK_PATH = "/v1.0/storage/tasks/{taskId}";

	private final DingTalkHttpClient http;

	private final AccessTokenSupplier tokens;

	private final @Nullable String defaultUnionId;

	/**
	 * Create a client.
	 * @param http the client to call DingTalk with
	 * @param tokens supplies access tokens
	 * @param defaultUnionId the operator for {@link #getTask(String)}, or {@code null}
	 */
	public StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, @Nullable String defaultUnionId) {
		this.http = http;
		this.tokens = tokens;
		this.defaultUnionId = (defaultUnionId != null && !defaultUnionId.isBlank()) ? defaultUnionId : null;
	}

	@Override
	public Mono<StorageTask> getTask(String taskId) {
		if (this.defaultUnionId == null) {
			return Mono.error(new IllegalStateException(
					"getTask(taskId) needs a default operator: set " + UNION_ID_PROPERTY + " or call getTask(taskId, unionId)"));
		}
		return getTask(taskId, this.defaultUnionId);
	}

	@Override
	public Mono<StorageTask> getTask(String taskId, String unionId) {
		if (taskId == null || taskId.isBlank()) {
			return Mono.error(new IllegalArgumentException("taskId must not be null or blank"));
		}
		if (unionId == null || unionId.isBlank()) {
			return Mono.error(new IllegalArgumentException("unionId must not be null or blank"));
		}
		Map<String, String> path = Map.of("taskId", taskId);
		Map<String, String> query = Map.of("unionId", unionId);
		Mono<StorageTask> once = this.tokens.getAccessToken()
			.flatMap((token) -> this.http.get(OPERATION_GET, TASK_PATH, path, query, token)
				.onErrorMap(DingTalkAuthenticationException.class, (ex) -> {
					this.tokens.invalidate(token);
					return new RejectedToken(ex);
				}))
			.map(StorageTaskReader::read);
		return this.http.observe(OPERATION_GET, taskId, once.onErrorResume(RejectedToken.class, (rejected) -> once)
			.onErrorMap(RejectedToken.class, RejectedToken::getCause)
			.onErrorMap(StorageTaskClient::isTaskNotExist,
					(ex) -> new StorageTaskNotFoundException((DingTalkApiException) ex)));
	}

	private static boolean isTaskNotExist(Throwable ex) {
		return ex instanceof DingTalkApiException api && !(ex instanceof StorageTaskNotFoundException)
				&& DingTalkErrorCodes.TASK_NOT_EXIST.equals(api.getErrorCode());
	}

	/**
	 * Carries a token rejection to the one retry with a fresh token.
	 */
	private static final class RejectedToken extends RuntimeException {

		RejectedToken(DingTalkAuthenticationException cause) {
			super(null, cause, false, false);
		}

		@Override
		public synchronized DingTalkAuthenticationException getCause() {
			return (DingTalkAuthenticationException) super.getCause();
		}

	}

}
