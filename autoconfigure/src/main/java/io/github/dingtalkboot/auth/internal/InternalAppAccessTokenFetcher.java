package io.github.dingtalkboot.auth.internal;

import io.github.dingtalkboot.auth.AccessToken;
import io.github.dingtalkboot.auth.AccessTokenFetcher;

import java.util.Map;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.core.internal.DingTalkHttpClient;

/**
 * Fetches the access token of an internal app: {@code POST /v1.0/oauth2/accessToken} with
 * {@code {"appKey","appSecret"}}.
 *
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
