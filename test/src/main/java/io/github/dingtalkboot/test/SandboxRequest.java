package io.github.dingtalkboot.test;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request the {@link DingTalkSandbox} received, as it was sent.
 *
 * @param api the API called
 * @param method the HTTP method
 * @param path the path, without the query
 * @param query the query parameters (the first value of each), decoded
 * @param accessToken the {@code x-acs-dingtalk-access-token} header, if any
 * @param body the body, as text
 * @param at when it came, on the sandbox's clock
 */
public record SandboxRequest(DingTalkSandbox.Api api, String method, String path, Map<String, String> query,
		@Nullable String accessToken, String body, Instant at) {

}
