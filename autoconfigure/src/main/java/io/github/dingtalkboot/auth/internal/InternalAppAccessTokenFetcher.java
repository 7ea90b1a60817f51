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

package io.github.dingtalkboot.auth.internal;

import java.util.Map;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import reactor.core.publisher.Mono;

/**
 * Fetches the access token of an internal app: {@code POST /v1.0/oauth2/accessToken} with
 * {@code {"appKey","appSecret"}}.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class InternalAppAccessTokenFetcher implements AccessTokenFetcher {

	/** The operation name in metrics and logs. */
	public static final String OPERATION = "oauth2.access-token";

	static final String PATH = "/v1.0/oauth2/accessToken";

	private final DingTalkHttpClient http;

	private final String appKey;

	private final String appSecret;

	/**
	 * Create a fetcher.
	 * @param http the client to call DingTalk with
	 * @param appKey the app key
	 * @param appSecret the app secret
	 */
	public InternalAppAccessTokenFetcher(DingTalkHttpClient http, String appKey, String appSecret) {
		this.http = http;
		this.appKey = appKey;
		this.appSecret = appSecret;
	}

	@Override
	public Mono<AccessToken> fetch() {
		return this.http.observe(OPERATION, null,
				this.http.post(OPERATION, PATH, Map.of("appKey", this.appKey, "appSecret", this.appSecret))
					.map((body) -> TokenResponses.read(body, PATH)));
	}

	@Override
	public String toString() {
		return "InternalAppAccessTokenFetcher[appKey=" + this.appKey + ", appSecret=******]";
	}

}
