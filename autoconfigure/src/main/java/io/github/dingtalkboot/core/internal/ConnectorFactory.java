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

import java.util.function.UnaryOperator;

import reactor.netty.http.client.HttpClient;

import org.springframework.http.client.reactive.ClientHttpConnector;

/**
 * Makes the connector of DingTalk calls. Not API.
 *
 * @author dingtalk-spring-boot maintainers
 */
@FunctionalInterface
public interface ConnectorFactory {

	/**
	 * Make the connector.
	 * @param httpClient a Reactor Netty client on the DingTalk client's own connection
	 * pool
	 * @param onOwnEventLoops to apply to the finished client, after every other setting:
	 * puts it on the DingTalk client's own event loops
	 * @return the connector
	 */
	ClientHttpConnector create(HttpClient httpClient, UnaryOperator<HttpClient> onOwnEventLoops);

}
