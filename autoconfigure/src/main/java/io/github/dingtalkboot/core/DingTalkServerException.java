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

package io.github.dingtalkboot.core;

/**
 * DingTalk failed on its side: an HTTP 5xx answer such as 500 {@code systemError} or 503
 * {@code operationTimeout}.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkServerException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkServerException(DingTalkError error) {
		super(error);
	}

	private DingTalkServerException(DingTalkServerException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkServerException withAttempts(int attempts) {
		return new DingTalkServerException(this, attempts);
	}

}
