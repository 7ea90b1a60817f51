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

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JUnit 5 extension gives a test without Spring a running sandbox.
 */
class DingTalkSandboxExtensionTests {

	@RegisterExtension
	static DingTalkSandboxExtension dingtalk = new DingTalkSandboxExtension();

	@Test
	void theSandboxListensDuringTheTest() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(dingtalk.sandbox().baseUrl() + "/v1.0/storage/tasks/t1?unionId=u"))
				.timeout(Duration.ofSeconds(30))
				.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("AuthenticationFailed.MissingParameter").contains("\"requestid\"");
	}

	@Test
	void aTestMayTakeTheSandboxAsAParameter(DingTalkSandbox sandbox) {
		assertThat(sandbox).isSameAs(dingtalk.sandbox());
	}

}
