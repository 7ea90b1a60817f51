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

import io.github.dingtalkboot.core.DingTalkRateLimiter;
import io.github.dingtalkboot.storage.StorageTask;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Polls one task for the {@link TaskTracker}.
 *
 * @author dingtalk-spring-boot maintainers
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
