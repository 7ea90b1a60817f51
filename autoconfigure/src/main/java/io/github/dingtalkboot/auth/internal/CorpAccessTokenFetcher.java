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
import io.github.dingtalkboot.auth.SuiteTicketSupplier;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import reactor.core.publisher.Mono;

/**
 * Fetches the access token of an organisation that authorised a third-party enterprise
 * app: {@code POST /v1.0/oauth2/corpAccessToken} with
 * {@code {"suiteKey","suiteSecret","authCorpId","suiteTicket"}}. The suite ticket is
 * asked for on every fetch, since DingTalk replaces it while the app runs.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CorpAccessTokenFetcher implements AccessTokenFetcher {

	/** The operation name in metrics and logs. */
	public static final String OPERATION = "oauth2.corp-access-token";

	static final String PATH = "/v1.0/oauth2/corpAccessToken";

	private final DingTalkHttpClient http;

	private final String suiteKey;

	private final String suiteSecret;

	private final String authCorpId;

	private final SuiteTicketSupplier suiteTicket;

	/**
	 * Create a fetcher.
	 * @param http the client to call DingTalk with
	 * @param suiteKey the suite key
	 * @param suiteSecret the suite secret
	 * @param authCorpId the id of the organisation that authorised the app
	 * @param suiteTicket supplies the current suite ticket
	 */
	public CorpAccessTokenFetcher(DingTalkHttpClient http, String suiteKey, String suiteSecret, String authCorpId,
			SuiteTicketSupplier suiteTicket) {
		this.http = http;
		this.suiteKey = suiteKey;
		this.suiteSecret = suiteSecret;
		this.authCorpId = authCorpId;
		this.suiteTicket = suiteTicket;
	}

	@Override
	public Mono<AccessToken> fetch() {
		return this.http.observe(OPERATION, null, this.suiteTicket.getSuiteTicket()
			.switchIfEmpty(Mono.error(() -> new DingTalkException(
					"The SuiteTicketSupplier supplied no suite ticket; a corp access token cannot be fetched without one")))
			.flatMap((ticket) -> this.http.post(OPERATION, PATH,
					Map.of("suiteKey", this.suiteKey, "suiteSecret", this.suiteSecret, "authCorpId", this.authCorpId,
							"suiteTicket", ticket)))
			.map((body) -> TokenResponses.read(body, PATH)));
	}

	@Override
	public String toString() {
		return "CorpAccessTokenFetcher[suiteKey=" + this.suiteKey + ", authCorpId=" + this.authCorpId
				+ ", suiteSecret=******]";
	}

}
