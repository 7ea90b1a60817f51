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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.TrackedTask;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The {@code dingtalktasks} actuator endpoint: the storage tasks tracked now, with the
 * state each was last seen in.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
@Endpoint(id = "dingtalktasks")
public final class DingTalkTasksEndpoint {

	/** A store that does not answer in time gives an error, not a hanging request. */
	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final String MASK = "******";

	private final StorageTaskTracker tracker;

	private final Show showAttributes;

	private final Set<String> roles;

	DingTalkTasksEndpoint(StorageTaskTracker tracker, Show showAttributes, Set<String> roles) {
		this.tracker = tracker;
		this.showAttributes = showAttributes;
		this.roles = Set.copyOf(roles);
	}

	/**
	 * The tracked tasks, their attributes' values masked unless
	 * {@code dingtalk.tracker.endpoint.show-attributes} shows them to this user.
	 * @param securityContext who asks
	 * @return the tasks, oldest first
	 */
	@ReadOperation
	public Mono<TrackedTasks> trackedTasks(SecurityContext securityContext) {
		boolean show = this.showAttributes.isShown(securityContext, this.roles);
		return this.tracker.trackedTasks()
			.map((task) -> show ? task : masked(task))
			.sort((left, right) -> left.trackedAt().compareTo(right.trackedAt()))
			.collectList()
			.map(TrackedTasks::new)
			.timeout(TIMEOUT);
	}

	private static TrackedTask masked(TrackedTask task) {
		Map<String, String> attributes = new LinkedHashMap<>();
		task.attributes().keySet().forEach((key) -> attributes.put(key, MASK));
		return new TrackedTask(task.taskId(), task.unionId(), attributes, task.trackedAt(), task.lastState(),
				task.undeliveredSince(), task.corpId());
	}

	/**
	 * The endpoint's answer.
	 *
	 * @param tasks the tracked tasks, oldest first
	 */
	public record TrackedTasks(List<TrackedTask> tasks) {
	}

}
