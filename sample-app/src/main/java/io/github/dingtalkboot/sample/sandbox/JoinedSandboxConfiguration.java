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

package io.github.dingtalkboot.sample.sandbox;

import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.test.DingTalkSandbox;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A second instance of the sample uses the sandbox of the first
 * ({@code --sample.sandbox.join=<its URL>}, which the first logs at start-up), so that
 * two instances share one DingTalk, and with {@code dingtalk.cluster.enabled=true} one
 * Redis. The sandbox pushes to both instances' callbacks.
 *
 * @author dingtalk-spring-boot maintainers
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(JoinedSandboxConfiguration.JOIN)
class JoinedSandboxConfiguration {

	static final String JOIN = "sample.sandbox.join";

	@Bean
	DingTalkConnectionDetails joinedSandboxConnectionDetails(@Value("${" + JOIN + "}") String baseUrl) {
		return SandboxConfiguration.connectionDetails(baseUrl);
	}

	@Bean
	DingTalkCallbackCrypto joinedSandboxCallbackCrypto() {
		return SandboxConfiguration.callbackCrypto();
	}

	/**
	 * The first instance's sandbox pushes to this instance's callback too.
	 * @param baseUrl the sandbox's URL
	 * @param path the callback's path
	 * @return the registration
	 */
	@Bean
	SandboxCallbackRegistration joinedSandboxCallbackRegistration(@Value("${" + JOIN + "}") String baseUrl,
			@Value(SandboxConfiguration.CALLBACK_PATH) String path) {
		return new SandboxCallbackRegistration(path, (callbackUrl) -> DingTalkSandbox.subscribe(baseUrl, callbackUrl));
	}

}
