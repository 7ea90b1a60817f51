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

import java.util.Objects;

import io.github.dingtalkboot.storage.StorageTask;

/**
 * What counts as progress of a storage task: its status and its counts. A watch emits a
 * state only when its progress changed, and a planner backs off while it does not.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TaskProgress {

	private TaskProgress() {
	}

	/**
	 * Whether two states of a task are the same progress: status and counts.
	 * @param previous the earlier state
	 * @param next the later state
	 * @return {@code true} when nothing changed
	 */
	static boolean same(StorageTask previous, StorageTask next) {
		return previous.status() == next.status() && Objects.equals(previous.rawStatus(), next.rawStatus())
				&& previous.totalCount() == next.totalCount() && previous.successCount() == next.successCount()
				&& previous.failCount() == next.failCount();
	}

}
