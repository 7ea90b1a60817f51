package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTask;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Polls one task for the {@link TaskTracker}.
 */
@FunctionalInterface
public interface TaskSource {

	/**
	 * Get a task's state once.
	 * @param corpId the corp whose token polls it, or {@code null} for none (an internal
	 * app, or a third-party app's default corp)
	 * @param taskId the task id
	 * @param unionId the operator
	 * @param limiter paces the requests, or {@code null} for none
	 * @return the task
	 */
	Mono<StorageTask> poll(@Nullable String corpId, String taskId, String unionId,
			@Nullable DingTalkRateLimiter limiter);

}
