package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.core.DingTalkRateLimiter;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTimeoutException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.ObservationContextAccess;

/**
 * The {@link StorageTaskOperations} the starter provides, on a
 * {@link DingTalkHttpClient}.
 * <p>
 * When DingTalk rejects the access token, the token is invalidated and the call is made
 * once more with a fresh one; a second rejection reaches the caller.
 *
 */
public final class StorageTaskClient implements StorageTaskOperations {

	/** The operation name of {@code getTask} in metrics and logs. */
	public static final String OPERATION_GET = "storage.task.get";

	/**
	 * The operation name of {@code watchTask} and {@code awaitTask} in metrics and logs.
	 */
	public static final String OPERATION_WATCH = "storage.task.watch";

	static final String TASK_PATH = "/v1.0/storage/tasks/{taskId}";

	private final DingTalkHttpClient http;

	private final AccessTokenSupplier tokens;

	private final StorageTaskSettings settings;

	private final @Nullable DingTalkRateLimiter rateLimiter;

	private final Scheduler timer;

	private final PollSchedule schedule;

	/**
	 * Create a client.
	 * @param http the client to call DingTalk with
	 * @param tokens supplies access tokens
	 * @param settings the default operator and polling
	 * @param rateLimiter paces every request to the storage task API, or {@code null} for
	 * none
	 */
	public StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, StorageTaskSettings settings,
			@Nullable DingTalkRateLimiter rateLimiter) {
		this(http, tokens, settings, rateLimiter, Schedulers.parallel());
	}

	StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, StorageTaskSettings settings,
			@Nullable DingTalkRateLimiter rateLimiter, Scheduler timer) {
		this.http = http;
		this.tokens = tokens;
		this.settings = settings;
		this.rateLimiter = rateLimiter;
		this.timer = timer;
		this.schedule = new PollSchedule(
				(taskId, unionId, limiter) -> this.http.observe(OPERATION_GET, taskId, fetch(taskId, unionId, limiter)),
				rateLimiter, settings, timer, http.closing());
	}

	/**
	 * The schedule every watch of this client polls on, for the tracker to share.
	 * @return the schedule
	 */
	public PollSchedule schedule() {
		return this.schedule;
	}

	@Override
	public Mono<StorageTask> getTask(String taskId) {
		String unionId = this.settings.defaultUnionId();
		return (unionId != null) ? getTask(taskId, unionId) : Mono.error(noDefaultUnionId("getTask(taskId)"));
	}

	@Override
	public Mono<StorageTask> getTask(String taskId, String unionId) {
		IllegalArgumentException invalid = validate(taskId, unionId);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		return this.http.observe(OPERATION_GET, taskId, fetch(taskId, unionId));
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId) {
		String unionId = this.settings.defaultUnionId();
		return (unionId != null) ? watchTask(taskId, unionId) : Flux.error(noDefaultUnionId("watchTask(taskId)"));
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId, String unionId) {
		IllegalArgumentException invalid = validate(taskId, unionId);
		if (invalid != null) {
			return Flux.error(invalid);
		}
		return this.http.observeMany(OPERATION_WATCH, taskId, (observation) -> poll(taskId, unionId, observation));
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId) {
		String unionId = this.settings.defaultUnionId();
		return (unionId != null) ? awaitTask(taskId, unionId, this.settings.awaitTimeout())
				: Mono.error(noDefaultUnionId("awaitTask(taskId)"));
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId, String unionId, Duration timeout) {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			return Mono.error(new IllegalArgumentException("timeout must be positive"));
		}
		return Mono.defer(() -> {
			AtomicReference<StorageTask> lastSeen = new AtomicReference<>();
			return watchTask(taskId, unionId).doOnNext(lastSeen::set)
				.last()
				.timeout(timeout, this.timer)
				.onErrorMap(TimeoutException.class,
						(ex) -> new StorageTaskTimeoutException(taskId, timeout, lastSeen.get()));
		});
	}

	private Flux<StorageTask> poll(String taskId, String unionId, DingTalkClientObservationContext observation) {
		return this.schedule.watch(taskId, unionId,
				() -> ObservationContextAccess.recorder().pollAnswered(observation));
	}

	private Mono<StorageTask> fetch(String taskId, String unionId) {
		return fetch(taskId, unionId, this.rateLimiter);
	}

	private Mono<StorageTask> fetch(String taskId, String unionId, @Nullable DingTalkRateLimiter limiter) {
		Map<String, String> path = Map.of("taskId", taskId);
		Map<String, String> query = Map.of("unionId", unionId);
		Mono<StorageTask> once = this.tokens.getAccessToken()
			.onErrorMap((ex) -> !(ex instanceof DingTalkException), StorageTaskClient::tokenFailure)
			.flatMap((token) -> this.http
				.get(OPERATION_GET, TASK_PATH, path, query, token, limiter, StorageTaskReader::read)
				.onErrorMap(DingTalkAuthenticationException.class, (ex) -> {
					this.tokens.invalidate(token);
					return new RejectedToken(ex);
				}));
		return once.onErrorResume(RejectedToken.class, (rejected) -> once)
			.onErrorMap(RejectedToken.class, RejectedToken::rejection)
			.onErrorMap(StorageTaskClient::isTaskNotExist,
					(ex) -> new StorageTaskNotFoundException((DingTalkApiException) ex));
	}

	private static DingTalkException tokenFailure(Throwable ex) {
		return new DingTalkException("The access token supplier failed: " + ex, ex);
	}

	private static IllegalStateException noDefaultUnionId(String method) {
		return new IllegalStateException(method + " needs an operator: pass the unionId or configure a default one");
	}

	private static @Nullable IllegalArgumentException validate(String taskId, String unionId) {
		if (taskId == null || taskId.isBlank()) {
			return new IllegalArgumentException("taskId must not be null or blank");
		}
		if (unionId == null || unionId.isBlank()) {
			return new IllegalArgumentException("unionId must not be null or blank");
		}
		return null;
	}

	private static boolean isTaskNotExist(Throwable ex) {
		return ex instanceof DingTalkApiException api && !(ex instanceof StorageTaskNotFoundException)
				&& DingTalkErrorCodes.TASK_NOT_EXIST.equals(api.getErrorCode());
	}

	/**
	 * Carries a token rejection to the one retry with a fresh token.
	 */
	private static final class RejectedToken extends RuntimeException {

		private final DingTalkAuthenticationException rejection;

		RejectedToken(DingTalkAuthenticationException rejection) {
			super(null, rejection, false, false);
			this.rejection = rejection;
		}

		DingTalkAuthenticationException rejection() {
			return this.rejection;
		}

	}

}
