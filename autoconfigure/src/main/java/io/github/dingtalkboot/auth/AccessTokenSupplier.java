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

package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the access token sent in the {@code x-acs-dingtalk-access-token} header of
 * every DingTalk call. Declare a bean of this type to replace the one the starter builds
 * from {@code dingtalk.*}.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public interface AccessTokenSupplier {

	/**
	 * The access token to use now.
	 * @return a Mono of the token; fails with a {@code DingTalkException} when none can
	 * be had
	 */
	Mono<String> getAccessToken();

	/**
	 * Forget this token if it is still the current one, because DingTalk rejected it; the
	 * next call to {@link #getAccessToken()} fetches a new one. Does nothing when the
	 * token was already replaced.
	 * @param token the rejected token
	 */
	void invalidate(String token);

}
