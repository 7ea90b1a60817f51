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

import org.jspecify.annotations.Nullable;

/**
 * The status of a storage task.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public enum StorageTaskStatus {

	/** Created, not started yet. */
	INIT,

	/** Running. */
	IN_PROGRESS,

	/** Finished; every subtask succeeded or the task as a whole did. */
	SUCCESS,

	/** Finished with a failure; see {@link StorageTask#failMessage()}. */
	FAIL,

	/**
	 * A status this client does not know yet (DingTalk may add some), or none at all.
	 * {@link StorageTask#rawStatus()} keeps what DingTalk sent.
	 */
	UNKNOWN;

	/**
	 * Whether the task has finished and will not change any more.
	 * @return {@code true} for {@link #SUCCESS} and {@link #FAIL}
	 */
	public boolean isTerminal() {
		return this == SUCCESS || this == FAIL;
	}

	/**
	 * Read DingTalk's value, leniently.
	 * @param value the status, e.g. {@code IN_PROGRESS}
	 * @return the status, {@link #UNKNOWN} for anything else
	 */
	public static StorageTaskStatus from(@Nullable String value) {
		if (value != null) {
			for (StorageTaskStatus status : values()) {
				if (status != UNKNOWN && status.name().equalsIgnoreCase(value.strip())) {
					return status;
				}
			}
		}
		return UNKNOWN;
	}

}
