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

package io.github.dingtalkboot.storage;

import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows storage tasks in the background and announces how each one ends as an
 * application event: {@link StorageTaskCompletedEvent} when DingTalk reports SUCCESS or
 * FAIL, {@link StorageTaskTrackingFailedEvent} when the task cannot be followed. Listen
 * with ordinary {@code @EventListener} methods.
 * <p>
 * All tracked tasks are polled on one schedule under the client-side rate limit, each
 * around the time its progress predicts it ends; calls the application makes itself go
 * first. Delivery is at least once: a listener that throws gets the event again, with
 * back-off, so listeners should be idempotent (the task id is the natural key). With
 * {@code dingtalk.cluster.enabled=true} tracked tasks are kept in Redis: they survive
 * restarts and each is polled, and its event delivered, by one instance at a time.
 * Otherwise they are kept in memory and lost on restart.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
public interface StorageTaskTracker {

	/**
	 * Track a task until it ends. Tracking a task that is already tracked does nothing
	 * (the first attributes stay).
	 * @param taskId the task id DingTalk returned when the bulk operation started
	 * @param unionId the operator to poll the task as
	 * @param attributes correlation data handed back with the event
	 * @return a Mono that completes once the task is tracked; fails with
	 * {@link IllegalArgumentException} when an argument is null or blank
	 */
	Mono<Void> track(String taskId, String unionId, Map<String, String> attributes);

	/**
	 * Track a task as the operator set in {@code dingtalk.storage.union-id}, without
	 * attributes.
	 * @param taskId the task id
	 * @return a Mono that completes once the task is tracked; fails with
	 * {@link IllegalStateException} when no default operator is configured
	 * @see #track(String, String, Map)
	 */
	Mono<Void> track(String taskId);

	/**
	 * Stop tracking a task; no event is published for it.
	 * @param taskId the task id
	 * @return whether the task was tracked
	 */
	Mono<Boolean> untrack(String taskId);

	/**
	 * Offer a task's event to the listeners again, after every offer failed and the task
	 * was set aside ({@link TrackedTask#undeliveredSince()} is set; such tasks are kept
	 * for {@code dingtalk.tracker.delivery.retention}). The event goes out with the same
	 * retries as the first time, from whichever instance takes the task.
	 * @param taskId the task id
	 * @return whether the task was set aside (and is offered again now)
	 */
	Mono<Boolean> redeliver(String taskId);

	/**
	 * The tasks tracked now, with the state each was last seen in.
	 * @return the tracked tasks
	 */
	Flux<TrackedTask> trackedTasks();

	/**
	 * This tracker on behalf of one corp (organisation) that authorised a third-party
	 * enterprise app: its tasks are polled with that corp's token (on any instance, after
	 * a restart too), their {@link TrackedTask#corpId()} and events name the corp, and
	 * {@link #trackedTasks()} lists that corp's tasks only. Task ids are DingTalk's,
	 * unique across corps: {@link #untrack} and {@link #redeliver} act on the task
	 * whatever its corp.
	 * @param corpId the id of the corp that authorised the app
	 * @return the view
	 * @throws IllegalArgumentException when the corp id is blank, longer than 128
	 * characters, or holds control or white-space characters
	 * @throws UnsupportedOperationException when this application is not a third-party
	 * app
	 * @since 0.3.0
	 */
	default StorageTaskTracker forCorp(String corpId) {
		throw new UnsupportedOperationException(getClass().getName() + " serves no corps: forCorp needs the "
				+ "StorageTaskTracker of a third-party enterprise app");
	}

}
