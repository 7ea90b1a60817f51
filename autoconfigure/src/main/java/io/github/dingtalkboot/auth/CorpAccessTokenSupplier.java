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
 * Supplies the access token of each organisation (corp) that authorised a third-party
 * enterprise app: one suite, installed by many corps, each with its own corp access token
 * ({@code POST /v1.0/oauth2/corpAccessToken} with the suite's credentials, the corp's
 * {@code authCorpId} and the current suite ticket). The starter declares one for
 * third-party apps (configured with {@code dingtalk.suite-key} and
 * {@code dingtalk.suite-secret}); declare a bean of this type to replace it.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public interface CorpAccessTokenSupplier {

	/**
	 * The access token to use now on behalf of a corp.
	 * @param corpId the id of the corp that authorised the app
	 * @return a Mono of the token; fails with {@link IllegalArgumentException} (nothing
	 * sent) for an invalid corp id, with a {@code DingTalkAuthenticationException} when
	 * DingTalk refuses the corp a token (authorisation withdrawn:
	 * {@code invalidAuthInfo}), or with another {@code DingTalkException} when none can
	 * be had
	 */
	Mono<String> getAccessToken(String corpId);

	/**
	 * Forget a corp's token if it is still the current one, because DingTalk rejected it;
	 * the next call for that corp fetches a new one. Other corps are not affected.
	 * @param corpId the corp
	 * @param token the rejected token
	 * @return a Mono that completes once the token is forgotten here
	 */
	Mono<Void> invalidate(String corpId, String token);

	/**
	 * Forget everything kept for a corp at once (its token, a refusal), for instance when
	 * it withdrew its authorisation; its next call starts afresh.
	 * @param corpId the corp
	 */
	void forgetCorp(String corpId);

}
