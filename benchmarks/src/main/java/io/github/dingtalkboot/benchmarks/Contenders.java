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

package io.github.dingtalkboot.benchmarks;

import java.time.Duration;
import java.util.Map;

import com.aliyun.dingtalkstorage_1_0.Client;
import com.aliyun.dingtalkstorage_1_0.models.GetTaskHeaders;
import com.aliyun.dingtalkstorage_1_0.models.GetTaskRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.netty.channel.ChannelOption;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The contenders: raw Reactor Netty and plain WebClient (floors), WebClient from Boot's
 * builder in an application with observations on (what a hand-written client in a Boot
 * application with actuator costs), the full starter, the official SDK.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class Contenders {

	static final String TASK_ID = "t-1";

	static final String UNION_ID = "op-1";

	private Contenders() {
	}

	static Contender create(String name, String baseUrl, int concurrency) throws Exception {
		return switch (name) {
			case "raw-webclient" -> new RawWebClient("raw-webclient", WebClient.builder(), baseUrl, null);
			case "observed-webclient" -> observedWebClient(baseUrl);
			case "raw-netty" -> new RawNetty(baseUrl);
			case "starter" -> new Starter(baseUrl, Map.of());
			case "starter-no-observation" -> new Starter(baseUrl, Map.of("bench.observation", "false"));
			case "official-sdk" -> new OfficialSdk(baseUrl, concurrency);
			default -> throw new IllegalArgumentException(name);
		};
	}

	/**
	 * WebClient from Spring Boot's {@code WebClient.Builder} in the same kind of
	 * application as the starter (with actuator: Boot's observation and meter
	 * registries), so every call is an {@code http.client.requests} observation: what a
	 * hand-written client costs in a production Boot application. Otherwise the plain
	 * WebClient.
	 */
	static Contender observedWebClient(String baseUrl) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StarterApplication.class)
			.web(WebApplicationType.NONE)
			.properties(
					Map.of("dingtalk.enabled", "false", "spring.main.banner-mode", "off", "logging.level.root", "WARN"))
			.run();
		RawWebClient client = new RawWebClient("observed-webclient", context.getBean(WebClient.Builder.class), baseUrl,
				context);
		requireRecorded(client, context, "http.client.requests");
		return client;
	}

	/**
	 * Like with like: a contender in an application with actuator only counts if its
	 * calls are recorded as the given meters. Makes one call to find out.
	 */
	private static void requireRecorded(Contender contender, ConfigurableApplicationContext context, String... meters) {
		contender.callAsync().block(Duration.ofSeconds(30));
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		for (String meter : meters) {
			if (registry.find(meter).timer() == null) {
				contender.close();
				throw new IllegalStateException(contender.name() + " recorded no " + meter);
			}
		}
	}

	/** The answer as a plain client would decode it. */
	record TaskEnvelope(TaskBody task) {
	}

	record TaskBody(String id, String status, long totalCount, long successCount, long failCount, String failMessage,
			String beginTime, String endTime) {
	}

	/**
	 * Raw WebClient with a fixed token and the same pool size as the starter: the floor
	 * for this stack.
	 */
	static final class RawWebClient implements Contender {

		private final ConnectionProvider pool = ConnectionProvider.builder("raw")
			.maxConnections(50)
			.pendingAcquireMaxCount(10_000)
			.build();

		private final String name;

		private final WebClient client;

		private final @Nullable ConfigurableApplicationContext context;

		RawWebClient(String name, WebClient.Builder builder, String baseUrl,
				@Nullable ConfigurableApplicationContext context) {
			this.name = name;
			this.context = context;
			this.client = builder.baseUrl(baseUrl)
				.clientConnector(new ReactorClientHttpConnector(HttpClient.create(this.pool)
					.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
					.responseTimeout(Duration.ofSeconds(10))))
				.build();
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Mono<TaskEnvelope> callAsync() {
			return this.client.get()
				.uri("/v1.0/storage/tasks/{taskId}?unionId={unionId}", TASK_ID, UNION_ID)
				.accept(MediaType.APPLICATION_JSON)
				.header("x-acs-dingtalk-access-token", CannedDingTalkServer.TOKEN)
				.retrieve()
				.bodyToMono(TaskEnvelope.class);
		}

		@Override
		public Object call() {
			return callAsync().block();
		}

		@Override
		public void close() {
			this.pool.dispose();
		}

	}

	/**
	 * Reactor Netty's HTTP client and Jackson, nothing else: the floor under WebClient.
	 */
	static final class RawNetty implements Contender {

		private static final ObjectMapper JSON = JsonMapper.builder().build();

		private final ConnectionProvider pool = ConnectionProvider.builder("netty")
			.maxConnections(50)
			.pendingAcquireMaxCount(10_000)
			.build();

		private final HttpClient client;

		private final String uri;

		RawNetty(String baseUrl) {
			this.client = HttpClient.create(this.pool)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5000)
				.responseTimeout(Duration.ofSeconds(10))
				.headers((headers) -> headers.set("x-acs-dingtalk-access-token", CannedDingTalkServer.TOKEN)
					.set("Accept", "application/json"));
			this.uri = baseUrl + "/v1.0/storage/tasks/" + TASK_ID + "?unionId=" + UNION_ID;
		}

		@Override
		public String name() {
			return "raw-netty";
		}

		@Override
		public Mono<TaskEnvelope> callAsync() {
			return this.client.get()
				.uri(this.uri)
				.responseSingle((response, body) -> body.asByteArray())
				.map((bytes) -> JSON.readValue(bytes, TaskEnvelope.class));
		}

		@Override
		public Object call() {
			return callAsync().block();
		}

		@Override
		public void close() {
			this.pool.dispose();
		}

	}

	/**
	 * The full starter in a Spring Boot application with actuator: internal-app token
	 * cache, retries, its observation and Boot's http.client.requests on Boot's meter
	 * registry (rate limit off, as the issue asks).
	 */
	static final class Starter implements Contender {

		private final ConfigurableApplicationContext context;

		private final StorageTaskOperations operations;

		Starter(String baseUrl, Map<String, Object> extraProperties) {
			java.util.Map<String, Object> properties = new java.util.HashMap<>(
					Map.of("dingtalk.base-url", baseUrl, "dingtalk.app-key", "bench-key", "dingtalk.app-secret",
							"bench-secret", "dingtalk.storage.union-id", UNION_ID, "dingtalk.rate-limit.enabled",
							"false", "spring.main.banner-mode", "off", "logging.level.root", "WARN"));
			properties.putAll(extraProperties);
			this.context = new SpringApplicationBuilder(StarterApplication.class).web(WebApplicationType.NONE)
				.properties(properties)
				.run();
			this.operations = this.context.getBean(StorageTaskOperations.class);
			if ("starter".equals(name())) {
				requireRecorded(this, this.context, "dingtalk.client.requests", "http.client.requests");
			}
		}

		StorageTaskOperations operations() {
			return this.operations;
		}

		@Override
		public String name() {
			return this.context.getEnvironment().getProperty("bench.observation", Boolean.class, true) ? "starter"
					: "starter-no-observation";
		}

		@Override
		public Mono<?> callAsync() {
			return this.operations.getTask(TASK_ID, UNION_ID);
		}

		@Override
		public Object call() {
			return callAsync().block();
		}

		@Override
		public void close() {
			this.context.close();
		}

	}

	/**
	 * An application with actuator: Spring Boot's own observation registry and meter
	 * registry, so every call is observed as in production.
	 * {@code bench.observation=false} puts a no-op observation registry in their place.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class StarterApplication {

		@Bean
		@ConditionalOnProperty(name = "bench.observation", havingValue = "false")
		ObservationRegistry observationRegistry() {
			return ObservationRegistry.NOOP;
		}

	}

	/**
	 * DingTalk's official SDK, blocking, called from a thread pool of the same
	 * concurrency.
	 */
	static final class OfficialSdk implements Contender {

		private final Client client;

		private final RuntimeOptions runtime = new RuntimeOptions();

		private final GetTaskRequest request = new GetTaskRequest().setUnionId(UNION_ID);

		private final GetTaskHeaders headers = new GetTaskHeaders()
			.setXAcsDingtalkAccessToken(CannedDingTalkServer.TOKEN);

		OfficialSdk(String baseUrl, int concurrency) throws Exception {
			Config config = new Config();
			config.protocol = "http";
			config.regionId = "central";
			config.endpoint = baseUrl.replaceFirst("^https?://", "");
			this.client = new Client(config);
			this.runtime.maxIdleConns = Math.max(concurrency, 5);
			this.runtime.autoretry = false;
		}

		@Override
		public String name() {
			return "official-sdk";
		}

		@Override
		public Mono<?> callAsync() {
			return null;
		}

		@Override
		public Object call() throws Exception {
			return this.client.getTaskWithOptions(TASK_ID, this.request, this.headers, this.runtime).getBody();
		}

		@Override
		public void close() {
		}

	}

}
