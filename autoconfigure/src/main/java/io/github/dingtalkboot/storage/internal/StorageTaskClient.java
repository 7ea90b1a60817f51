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

package io.github.dingtalkboot.storage.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.internal.CorpIds;
import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkAuthenticationException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.github.dingtalkboot.core.DingTalkErrorCodes;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTimeoutException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The {@link StorageTaskOperations} the starter provides, on a
 * {@link DingTalkHttpClient}; for a third-party app, {@link #forCorp} views that call for
 * one corp each, on the same rate limit and poll schedule.
 * <p>
 * When DingTalk rejects the access token, the token is invalidated and the call is made
 * once more with a fresh one; a second rejection reaches the caller. When DingTalk says a
 * corp's quota is used up, the calls of that corp's view fail at once until the next day.
 *
 * @author dingtalk-spring-boot maintainers
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

	private final @Nullable CorpAccessTokenSupplier corpTokens;

	private final StorageTaskSettings settings;

	private final @Nullable DingTalkRateLimiter rateLimiter;

	private final Scheduler timer;

	private final PollSchedule schedule;

	private final QuotaRefusals quotas;

	/** The corp of this view's calls, or {@code null} for none. */
	private final @Nullable String corpId;

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
		this(http, tokens, null, settings, rateLimiter, Schedulers.parallel());
	}

	/**
	 * Create a client of a third-party app, whose {@link #forCorp} views call for one
	 * corp each.
	 * @param http the client to call DingTalk with
	 * @param tokens supplies the access tokens of calls that name no corp
	 * @param corpTokens supplies each corp's access tokens
	 * @param settings the default operator and polling
	 * @param rateLimiter paces every request to the storage task API, or {@code null} for
	 * none
	 */
	public StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, CorpAccessTokenSupplier corpTokens,
			StorageTaskSettings settings, @Nullable DingTalkRateLimiter rateLimiter) {
		this(http, tokens, corpTokens, settings, rateLimiter, Schedulers.parallel());
	}

	StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, StorageTaskSettings settings,
			@Nullable DingTalkRateLimiter rateLimiter, Scheduler timer) {
		this(http, tokens, null, settings, rateLimiter, timer);
	}

	StorageTaskClient(DingTalkHttpClient http, AccessTokenSupplier tokens, @Nullable CorpAccessTokenSupplier corpTokens,
			StorageTaskSettings settings, @Nullable DingTalkRateLimiter rateLimiter, Scheduler timer) {
		this.http = http;
		this.tokens = tokens;
		this.corpTokens = corpTokens;
		this.settings = settings;
		this.rateLimiter = rateLimiter;
		this.timer = timer;
		this.quotas = new QuotaRefusals();
		this.corpId = null;
		this.schedule = new PollSchedule((corpId, taskId, unionId, limiter) -> this.http.observe(OPERATION_GET, taskId,
				fetch(corpId, taskId, unionId, limiter)), rateLimiter, settings, timer, http.closing());
	}

	private StorageTaskClient(StorageTaskClient client, String corpId) {
		this.http = client.http;
		this.tokens = client.tokens;
		this.corpTokens = client.corpTokens;
		this.settings = client.settings;
		this.rateLimiter = client.rateLimiter;
		this.timer = client.timer;
		this.quotas = client.quotas;
		this.schedule = client.schedule;
		this.corpId = corpId;
	}

	@Override
	public StorageTaskOperations forCorp(String corpId) {
		if (this.corpTokens == null) {
			throw new UnsupportedOperationException(
					"forCorp needs a third-party enterprise app: this application calls DingTalk as one app, "
							+ "not on behalf of corps");
		}
		return new StorageTaskClient(this, CorpIds.checked(corpId));
	}

	/**
	 * Whether this client calls on behalf of the corps of a third-party app.
	 * @return {@code true} when {@link #forCorp} gives views
	 */
	public boolean servesCorps() {
		return this.corpTokens != null;
	}

	/**
	 * The corp of this view's calls.
	 * @return the corp, or {@code null} for calls that name none
	 */
	public @Nullable String corpId() {
		return this.corpId;
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
		return (unionId != null) ? getTask(taskId, unionId)
				: Mono.error(TaskArguments.noDefaultUnionId("getTask(taskId)"));
	}

	@Override
	public Mono<StorageTask> getTask(String taskId, String unionId) {
		IllegalArgumentException invalid = TaskArguments.invalid(taskId, unionId);
		if (invalid != null) {
			return Mono.error(invalid);
		}
		return this.http.observe(OPERATION_GET, taskId, fetch(this.corpId, taskId, unionId, this.rateLimiter));
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId) {
		String unionId = this.settings.defaultUnionId();
		return (unionId != null) ? watchTask(taskId, unionId)
				: Flux.error(TaskArguments.noDefaultUnionId("watchTask(taskId)"));
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId, String unionId) {
		IllegalArgumentException invalid = TaskArguments.invalid(taskId, unionId);
		if (invalid != null) {
			return Flux.error(invalid);
		}
		return this.http.observeMany(OPERATION_WATCH, taskId, (observation) -> poll(taskId, unionId, observation));
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId) {
		String unionId = this.settings.defaultUnionId();
		return (unionId != null) ? awaitTask(taskId, unionId, this.settings.awaitTimeout())
				: Mono.error(TaskArguments.noDefaultUnionId("awaitTask(taskId)"));
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
		return this.schedule.watch(this.corpId, taskId, unionId, observation::pollAnswered);
	}

	private Mono<StorageTask> fetch(@Nullable String corpId, String taskId, String unionId,
			@Nullable DingTalkRateLimiter limiter) {
		Map<String, String> path = Map.of("taskId", taskId);
		Map<String, String> query = Map.of("unionId", unionId);
		Mono<StorageTask> once = token(corpId)
			.onErrorMap((ex) -> !(ex instanceof DingTalkException), StorageTaskClient::tokenFailure)
			.flatMap((token) -> this.http
				.get(OPERATION_GET, TASK_PATH, path, query, token, limiter, StorageTaskReader::read)
				.onErrorMap(DingTalkAuthenticationException.class, (ex) -> {
					invalidate(corpId, token);
					return new RejectedToken(ex);
				}));
		// a corp's used-up quota stops that corp's calls; calls that name no corp go as
		// before (DingTalk answers each of them)
		return Mono.defer(() -> {
			DingTalkException refusal = (corpId != null) ? this.quotas.refusal(corpId, now()) : null;
			return (refusal != null) ? Mono.error(refusal) : once;
		})
			.onErrorResume(RejectedToken.class, (rejected) -> once)
			.onErrorMap(RejectedToken.class, RejectedToken::rejection)
			.doOnError((ex) -> {
				if (corpId != null) {
					this.quotas.failed(corpId, ex, now());
				}
			})
			.onErrorMap(StorageTaskClient::isTaskNotExist,
					(ex) -> new StorageTaskNotFoundException((DingTalkApiException) ex));
	}

	private Mono<String> token(@Nullable String corpId) {
		CorpAccessTokenSupplier corps = this.corpTokens;
		return (corpId != null && corps != null) ? corps.getAccessToken(corpId) : this.tokens.getAccessToken();
	}

	private void invalidate(@Nullable String corpId, String token) {
		CorpAccessTokenSupplier corps = this.corpTokens;
		if (corpId != null && corps != null) {
			corps.invalidate(corpId, token).subscribe();
		}
		else {
			this.tokens.invalidate(token);
		}
	}

	private Instant now() {
		return Instant.ofEpochMilli(this.timer.now(TimeUnit.MILLISECONDS));
	}

	private static DingTalkException tokenFailure(Throwable ex) {
		return new DingTalkException("The access token supplier failed: " + ex, ex);
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
