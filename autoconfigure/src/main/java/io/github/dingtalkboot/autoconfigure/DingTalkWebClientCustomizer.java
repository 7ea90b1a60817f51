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

import org.springframework.web.reactive.function.client.WebClient;

/**
 * Customizes the {@link WebClient.Builder} of DingTalk calls only, after Spring Boot's
 * {@code WebClientCustomizer}s (which apply to every WebClient of the application) and
 * after the starter has set its connector. Declare beans of this type to add filters,
 * default headers or codecs to DingTalk calls.
 * <p>
 * A customizer that sets a connector of its own (for example
 * {@code webClientSsl.fromBundle("corp")}) replaces the starter's, and with it the
 * starter's connection pool and timeouts; prefer {@code dingtalk.http.ssl.bundle} for TLS
 * and a {@link DingTalkReactorHttpClientCustomizer} for a proxy.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
@FunctionalInterface
public interface DingTalkWebClientCustomizer {

	/**
	 * Customize the builder of DingTalk calls.
	 * @param webClientBuilder the builder
	 */
	void customize(WebClient.Builder webClientBuilder);

}
