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

import io.github.dingtalkboot.core.DingTalkApiException;

/**
 * DingTalk knows no storage task with the id asked for (HTTP 404 {@code taskNotExist}).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class StorageTaskNotFoundException extends DingTalkApiException {

	/**
	 * Give DingTalk's {@code taskNotExist} answer its own type.
	 * @param source the answer as a generic API exception, kept as the cause
	 */
	public StorageTaskNotFoundException(DingTalkApiException source) {
		super(source, source, source.getAttempts());
	}

	private StorageTaskNotFoundException(StorageTaskNotFoundException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public StorageTaskNotFoundException withAttempts(int attempts) {
		return new StorageTaskNotFoundException(this, attempts);
	}

}
