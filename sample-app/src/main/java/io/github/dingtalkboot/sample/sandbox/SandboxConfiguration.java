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
import io.github.dingtalkboot.autoconfigure.DingTalkCredentials;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.test.DingTalkSandbox;
import io.github.dingtalkboot.test.SandboxFailure;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded DingTalk sandbox and the connection details that point the starter at it,
 * the way any application supplies its own {@link DingTalkConnectionDetails}: the starter
 * has no sandbox code path. The sandbox is an ordinary bean, closed with the context, so
 * nothing outlives a failed start-up.
 *
 * @author dingtalk-spring-boot maintainers
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SandboxCondition.class)
@EnableConfigurationProperties(SandboxProperties.class)
class SandboxConfiguration {

	static final String CALLBACK_PATH = "${dingtalk.callback.path:/dingtalk/callback}";

	private static final Log logger = LogFactory.getLog(SandboxConfiguration.class);

	@Bean(destroyMethod = "close")
	DingTalkSandbox sandboxDingTalk(SandboxProperties properties) {
		DingTalkSandbox sandbox = DingTalkSandbox.start();
		// a share of task calls fail as DingTalk's do now and then, so retries show
		sandbox.failShare(DingTalkSandbox.Api.STORAGE_TASK, properties.failureRate(),
				SandboxFailure.error(503, "operationTimeout"));
		// a second instance of the sample joins this one with dingtalk.base-url set to it
		logger.info("DingTalk sandbox listening at " + sandbox.baseUrl()
				+ "; another instance of the sample joins it with --sample.sandbox.join=" + sandbox.baseUrl());
		return sandbox;
	}

	@Bean
	DemoTasks sandboxDemoTasks(DingTalkSandbox sandbox, SandboxProperties properties) {
		return new DemoTasks(sandbox, properties.taskDuration());
	}

	@Bean
	DingTalkConnectionDetails sandboxDingTalkConnectionDetails(DingTalkSandbox sandbox) {
		return connectionDetails(sandbox.baseUrl());
	}

	/**
	 * The crypto of the sandbox's callback, as {@code dingtalk.callback.token} and
	 * {@code dingtalk.callback.aes-key} would configure it against the real DingTalk: it
	 * switches the starter's callback endpoint on.
	 * @return the crypto
	 */
	@Bean
	DingTalkCallbackCrypto sandboxCallbackCrypto() {
		return callbackCrypto();
	}

	/**
	 * The sandbox pushes to this instance's callback once it listens.
	 * @param sandbox the sandbox
	 * @param path the callback's path
	 * @return the registration
	 */
	@Bean
	SandboxCallbackRegistration sandboxCallbackRegistration(DingTalkSandbox sandbox,
			@Value(CALLBACK_PATH) String path) {
		return new SandboxCallbackRegistration(path, sandbox::pushTo);
	}

	static DingTalkCallbackCrypto callbackCrypto() {
		return new DingTalkCallbackCrypto(DingTalkSandbox.CALLBACK_TOKEN, DingTalkSandbox.CALLBACK_AES_KEY,
				DingTalkSandbox.SUITE_KEY);
	}

	/**
	 * The connection details of a sandbox: its URL and its suite's credentials, its first
	 * corp being the default one.
	 * @param baseUrl the sandbox's URL
	 * @return the connection details
	 */
	static DingTalkConnectionDetails connectionDetails(String baseUrl) {
		return new DingTalkConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return baseUrl;
			}

			@Override
			public DingTalkCredentials getCredentials() {
				return DingTalkCredentials.thirdPartyApp(DingTalkSandbox.SUITE_KEY, DingTalkSandbox.SUITE_SECRET,
						DingTalkSandbox.CORPS.get(0));
			}

		};
	}

}
