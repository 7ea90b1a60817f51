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

import java.time.Duration;

import io.github.dingtalkboot.core.DingTalkException;
import org.jspecify.annotations.Nullable;

/**
 * A storage task did not finish within the time {@code awaitTask} was given. Polling has
 * stopped; the task itself goes on in DingTalk.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class StorageTaskTimeoutException extends DingTalkException {

	private final transient @Nullable StorageTask lastState;

	/**
	 * Create an exception.
	 * @param taskId the task waited for
	 * @param timeout how long it was waited for
	 * @param lastState the last state seen, or {@code null} when no answer came in time
	 */
	public StorageTaskTimeoutException(String taskId, Duration timeout, @Nullable StorageTask lastState) {
		super("Storage task " + taskId + " did not finish within " + timeout + "; last state seen: "
				+ ((lastState != null)
						? lastState.status() + " " + lastState.successCount() + "/" + lastState.totalCount() : "none"));
		this.lastState = lastState;
	}

	private StorageTaskTimeoutException(StorageTaskTimeoutException source, int attempts) {
		super(source, attempts);
		this.lastState = source.lastState;
	}

	@Override
	public StorageTaskTimeoutException withAttempts(int attempts) {
		return new StorageTaskTimeoutException(this, attempts);
	}

	/**
	 * The last state of the task seen before the timeout.
	 * @return the state, or {@code null} when no answer came in time
	 */
	public @Nullable StorageTask getLastState() {
		return this.lastState;
	}

}
