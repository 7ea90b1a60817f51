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

package io.github.dingtalkboot.core.internal;

import io.github.dingtalkboot.core.DingTalkMalformedResponseException;

/**
 * Reads the body of a successful DingTalk answer.
 *
 * @param <T> what it makes of it
 * @author dingtalk-spring-boot maintainers
 */
@FunctionalInterface
public interface BodyReader<T> {

	/**
	 * Read a body.
	 * @param status the HTTP status (2xx)
	 * @param body the body, possibly empty
	 * @return what the body says
	 * @throws DingTalkMalformedResponseException when the body is not what the API
	 * documents
	 */
	T read(int status, byte[] body);

	/**
	 * The failure for a body that is not JSON at all.
	 * @param status the HTTP status
	 * @param body the body
	 * @param cause the parser's failure
	 * @return the exception
	 */
	static DingTalkMalformedResponseException notJson(int status, byte[] body, Throwable cause) {
		return new DingTalkMalformedResponseException(
				"DingTalk answered HTTP " + status + " with a body that is not JSON (" + body.length + " bytes)",
				cause);
	}

	/**
	 * The failure for a body that is JSON, but not an object.
	 * @param status the HTTP status
	 * @param body the body
	 * @return the exception
	 */
	static DingTalkMalformedResponseException notAnObject(int status, byte[] body) {
		return new DingTalkMalformedResponseException("DingTalk answered HTTP " + status
				+ " with a body that is not a JSON object (" + body.length + " bytes)");
	}

}
