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

package io.github.dingtalkboot.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of DingTalk calls only, after Spring
 * Boot's HTTP client settings ({@code spring.http.clients.*}, overlaid by
 * {@code dingtalk.http.*}) were applied; the starter's own connection pool and event
 * loops stay. For example, a proxy for DingTalk calls only: <pre>{@code
 * &#64;Bean
 * DingTalkReactorHttpClientCustomizer dingTalkProxy() {
 *     return (httpClient) -> httpClient.proxy((proxy) -> proxy.type(ProxyProvider.Proxy.HTTP)
 *         .host("proxy.example.com")
 *         .port(3128));
 * }
 * }</pre>
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@FunctionalInterface
public interface DingTalkReactorHttpClientCustomizer {

	/**
	 * Customize the client of DingTalk calls.
	 * @param httpClient the client
	 * @return the customized client (Reactor Netty's clients are immutable)
	 */
	HttpClient customize(HttpClient httpClient);

}
