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

import org.jspecify.annotations.Nullable;

/**
 * DingTalk's error answer: the HTTP status and what the headers and body said.
 * <p>
 * DingTalk's v1.0 APIs answer errors as
 * {@code {"code":"…","requestid":"…","message":"…"}} (note the lower-case
 * {@code requestid}); a ban page is HTML, and some answers have no body at all. Every
 * form gives a usable error.
 *
 * @param statusCode the HTTP status
 * @param code DingTalk's error code, or {@code null}
 * @param message DingTalk's message or a short snippet of a non-JSON body, or
 * {@code null}
 * @param requestId DingTalk's request id, or {@code null}
 * @param retryAfter the raw {@code Retry-After} header, or {@code null}
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public record DingTalkError(int statusCode, @Nullable String code, @Nullable String message, @Nullable String requestId,
		@Nullable String retryAfter) {

	String describe() {
		StringBuilder sb = new StringBuilder("DingTalk answered HTTP ").append(this.statusCode);
		sb.append(" ").append((this.code != null) ? this.code : "(no error code)");
		if (this.message != null) {
			sb.append(": ").append(this.message);
		}
		if (this.requestId != null) {
			sb.append(" [requestid=").append(this.requestId).append(']');
		}
		return sb.toString();
	}

}
