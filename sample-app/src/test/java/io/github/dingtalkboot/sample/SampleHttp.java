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

package io.github.dingtalkboot.sample;

import java.time.Duration;
import java.util.Map;

import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sample's tests reach it over HTTP as a user would.
 */
final class SampleHttp {

	private SampleHttp() {
	}

	/**
	 * A client that opens a new connection per request, so no test depends on the state a
	 * previous test left a pooled connection in; generous timeout for a cold JVM on a
	 * busy 2-core machine.
	 * @param port the sample's port
	 * @return the client
	 */
	static WebTestClient client(int port) {
		return WebTestClient
			.bindToServer(new ReactorClientHttpConnector(HttpClient.create(ConnectionProvider.newConnection())))
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Start a demo task of a corp through the demo page's endpoint.
	 * @param web the client
	 * @param corp the corp
	 * @return the task's id
	 */
	static String startDemoTask(WebTestClient web, String corp) {
		return web.post()
			.uri("/api/demo/tasks?corp={corp}", corp)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, String>>() {
			})
			.returnResult()
			.getResponseBody()
			.get("taskId");
	}

}
