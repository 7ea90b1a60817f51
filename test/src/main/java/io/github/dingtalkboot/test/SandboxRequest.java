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
 * @author dingtalk-spring-boot maintainers
 */
public record SandboxRequest(DingTalkSandbox.Api api, String method, String path, Map<String, String> query,
		@Nullable String accessToken, String body, Instant at) {

}
