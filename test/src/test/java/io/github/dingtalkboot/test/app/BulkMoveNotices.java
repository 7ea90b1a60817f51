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

package io.github.dingtalkboot.test.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A user's service: when a bulk move ends, the user gets a notice.
 */
@Service
public class BulkMoveNotices {

	private final StorageTaskOperations tasks;

	private final List<String> sent = new CopyOnWriteArrayList<>();

	public BulkMoveNotices(StorageTaskOperations tasks) {
		this.tasks = tasks;
	}

	public Mono<Void> noticeWhenDone(String taskId) {
		return this.tasks.awaitTask(taskId, "operator", Duration.ofMinutes(1))
			.doOnNext((task) -> this.sent.add(taskId + " ended " + task.status() + ": " + task.successCount() + " of "
					+ task.totalCount() + " moved"))
			.then();
	}

	public List<String> sent() {
		return this.sent;
	}

}
