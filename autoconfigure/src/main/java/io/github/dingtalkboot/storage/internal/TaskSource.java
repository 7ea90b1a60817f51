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
	 * @param taskId the task id
	 * @param unionId the operator
	 * @param limiter paces the requests, or {@code null} for none
	 * @return the task
	 */
	Mono<StorageTask> poll(String taskId, String unionId, @Nullable DingTalkRateLimiter limiter);

}
