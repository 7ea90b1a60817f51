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
