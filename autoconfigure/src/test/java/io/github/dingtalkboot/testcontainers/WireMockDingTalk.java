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

package io.github.dingtalkboot.testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * WireMock in a container, loaded with the DingTalk stubs kept under
 * {@code wiremock/mappings} in the test resources.
 */
final class WireMockDingTalk {

	static final DockerImageName IMAGE = DockerImageName.parse("wiremock/wiremock:3.13.2");

	private static final HttpClient ADMIN = HttpClient.newHttpClient();

	private WireMockDingTalk() {
	}

	static GenericContainer<?> container() {
		return new GenericContainer<>(IMAGE).withExposedPorts(8080)
			.withCopyFileToContainer(MountableFile.forClasspathResource("wiremock/mappings"), "/home/wiremock/mappings")
			.withCommand("--disable-banner")
			.waitingFor(Wait.forHttp("/__admin/health").forPort(8080));
	}

	static String baseUrl(GenericContainer<?> container) {
		return "http://" + container.getHost() + ":" + container.getMappedPort(8080);
	}

	static void resetScenarios(GenericContainer<?> container) throws Exception {
		admin(container, "/__admin/scenarios/reset", "");
		admin(container, "/__admin/requests/reset", "");
	}

	static int requestCount(GenericContainer<?> container, String taskId) throws Exception {
		String body = admin(container, "/__admin/requests/count",
				"{\"method\":\"GET\",\"urlPath\":\"/v1.0/storage/tasks/" + taskId + "\"}");
		return Integer.parseInt(body.replaceAll("[^0-9]", ""));
	}

	private static String admin(GenericContainer<?> container, String path, String body) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl(container) + path))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return ADMIN.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

}
