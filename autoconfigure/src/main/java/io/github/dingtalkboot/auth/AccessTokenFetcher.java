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
 * Fetches a new access token from one of DingTalk's token endpoints. The starter's token
 * cache decides when to call it.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@FunctionalInterface
public interface AccessTokenFetcher {

	/**
	 * Ask DingTalk for a token.
	 * @return a Mono of the token; fails with a {@code DingTalkException} when DingTalk
	 * refuses
	 */
	Mono<AccessToken> fetch();

	/**
	 * DingTalk rejected a token this fetcher handed out. A fetcher that shares tokens
	 * (between the instances of an application, say) forgets it there; the default does
	 * nothing.
	 * @param token the rejected token
	 * @return a Mono that completes once the token is forgotten
	 */
	default Mono<Void> invalidate(String token) {
		return Mono.empty();
	}

}
