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

package io.github.dingtalkboot.core.internal;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import org.springframework.web.reactive.function.client.WebClient;

/**
 * The DingTalk client's own connection pool and event loops, and the {@link WebClient} on
 * them, made on first use: putting a client on its own event loops sets up their DNS
 * resolver, which costs start-up time (tens of milliseconds, more in a cold JVM) that an
 * application may never need.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class ClientResources {

	private final ConnectionProvider connectionProvider;

	private final LoopResources loopResources;

	private final WebClient.Builder webClientBuilder;

	private final ConnectorFactory connectorFactory;

	private final Consumer<WebClient.Builder> customizer;

	private volatile @Nullable WebClient webClient;

	/**
	 * Create the resources.
	 * @param http the pool's size
	 * @param webClientBuilder the builder of the client (used once, on first use)
	 * @param connectorFactory makes its connector
	 * @param customizer customizes the builder last
	 */
	ClientResources(HttpSettings http, WebClient.Builder webClientBuilder, ConnectorFactory connectorFactory,
			Consumer<WebClient.Builder> customizer) {
		this.connectionProvider = ConnectionProvider.builder("dingtalk")
			.maxConnections(http.maxConnections())
			.pendingAcquireMaxCount(http.maxPendingAcquires())
			.build();
		this.loopResources = LoopResources.create("dingtalk-http", LoopResources.DEFAULT_IO_WORKER_COUNT, true);
		this.webClientBuilder = webClientBuilder;
		this.connectorFactory = connectorFactory;
		this.customizer = customizer;
	}

	WebClient webClient() {
		WebClient client = this.webClient;
		if (client == null) {
			synchronized (this) {
				client = this.webClient;
				if (client == null) {
					client = create();
					this.webClient = client;
				}
			}
		}
		return client;
	}

	/**
	 * Release the pool and the event loops for good.
	 * @param timeout how long the event loops may take to stop
	 * @return completes when both are released
	 */
	Mono<Void> release(Duration timeout) {
		return Mono.when(this.connectionProvider.disposeLater(),
				this.loopResources.disposeLater(Duration.ZERO, timeout));
	}

	private WebClient create() {
		HttpClient httpClient = HttpClient.create(this.connectionProvider);
		// last, so that a proxy set before keeps its own address resolution (runOn would
		// replace it)
		UnaryOperator<HttpClient> onOwnEventLoops = (client) -> client.runOn(this.loopResources);
		this.webClientBuilder.clientConnector(this.connectorFactory.create(httpClient, onOwnEventLoops));
		this.customizer.accept(this.webClientBuilder);
		return this.webClientBuilder.build();
	}

}
