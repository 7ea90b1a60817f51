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

import io.github.dingtalkboot.storage.StorageTask;

/**
 * Told of each poll of a task it follows on the {@link PollSchedule}, on the schedule's
 * loop: the tracker follows its tasks this way.
 *
 * @author dingtalk-spring-boot maintainers
 */
interface TaskFollower {

	/**
	 * A poll answered.
	 * @param task the answer
	 */
	void answered(StorageTask task);

	/**
	 * A poll failed.
	 * @param ex what it failed with
	 */
	void failed(Throwable ex);

}
