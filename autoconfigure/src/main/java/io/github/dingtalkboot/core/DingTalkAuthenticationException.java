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
 * DingTalk rejected the credentials: an invalid or expired access token (HTTP 400
 * {@code InvalidAuthentication}), a missing one ({@code AuthenticationFailed.*}), HTTP
 * 401, or app or suite credentials refused by a token endpoint
 * ({@code invalidClientIdOrSecret}, {@code invalidSuiteKey}, {@code invalidSuiteTicket},
 * {@code invalidAuthInfo}).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkAuthenticationException extends DingTalkApiException {

	/**
	 * Create an exception from DingTalk's error answer.
	 * @param error the parsed error answer
	 */
	public DingTalkAuthenticationException(DingTalkError error) {
		super(error);
	}

	private DingTalkAuthenticationException(DingTalkAuthenticationException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public DingTalkAuthenticationException withAttempts(int attempts) {
		return new DingTalkAuthenticationException(this, attempts);
	}

}
