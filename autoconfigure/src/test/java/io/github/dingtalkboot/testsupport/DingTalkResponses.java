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

package io.github.dingtalkboot.testsupport;

import mockwebserver3.MockResponse;

/**
 * Answers shaped as DingTalk's, for a {@code MockWebServer}.
 */
public final class DingTalkResponses {

	private DingTalkResponses() {
	}

	public static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status)
			.setHeader("Content-Type", "application/json;charset=utf-8")
			.setHeader("x-acs-request-id", "HDR-REQ-1")
			.setHeader("x-acs-trace-id", "trace-1")
			.body(body)
			.build();
	}

	public static MockResponse error(int status, String code, String message) {
		return json(status,
				"{\"requestid\":\"REQ-" + status + "\",\"code\":\"" + code + "\",\"message\":\"" + message + "\"}");
	}

	public static MockResponse task(String status, long total, long success) {
		return json(200,
				"{\"task\":{\"id\":\"t1\",\"status\":\"" + status + "\",\"totalCount\":" + total + ",\"successCount\":"
						+ success + ",\"failCount\":0,\"failMessage\":null,"
						+ "\"beginTime\":\"2022-07-29T14:55Z\",\"endTime\":null}}");
	}

	public static MockResponse token(String token, long expireIn) {
		return json(200, "{\"accessToken\":\"" + token + "\",\"expireIn\":" + expireIn + "}");
	}

}
