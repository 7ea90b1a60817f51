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

package io.github.dingtalkboot.test;

import java.time.Duration;

import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration;
import io.github.dingtalkboot.autoconfigure.DingTalkClusterAutoConfiguration;
import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;
import io.github.dingtalkboot.autoconfigure.DingTalkCredentials;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox.Credentials;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * What {@link AutoConfigureDingTalkSandbox} imports: the sandbox, closed with the
 * context, the connection details that point the starter at it, and the crypto of its
 * callback pushes. It runs before the starter's auto-configuration, whose connection
 * details then step aside.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
@AutoConfiguration(before = { DingTalkAutoConfiguration.class, DingTalkClusterAutoConfiguration.class })
public final class DingTalkSandboxAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	DingTalkSandbox dingTalkSandbox() {
		return DingTalkSandbox.start();
	}

	@Bean
	DingTalkConnectionDetails dingTalkSandboxConnectionDetails(DingTalkSandbox sandbox, Environment environment) {
		Credentials credentials = credentials(environment);
		return new DingTalkConnectionDetails() {

			@Override
			public String getBaseUrl() {
				return sandbox.baseUrl();
			}

			@Override
			public DingTalkCredentials getCredentials() {
				return (credentials == Credentials.THIRD_PARTY_APP)
						? DingTalkCredentials.thirdPartyApp(DingTalkSandbox.SUITE_KEY, DingTalkSandbox.SUITE_SECRET,
								DingTalkSandbox.CORPS.get(0))
						: DingTalkCredentials.internalApp(DingTalkSandbox.APP_KEY, DingTalkSandbox.APP_SECRET);
			}

		};
	}

	/*
	 * The crypto of the sandbox's pushes, so that the application's callback endpoint (a
	 * web application's) takes them: {@link DingTalkSandbox#pushTo(String)}.
	 */
	@Bean
	@ConditionalOnMissingBean
	DingTalkCallbackCrypto dingTalkSandboxCallbackCrypto(DingTalkSandbox sandbox) {
		return sandbox.callbackCrypto();
	}

	/*
	 * A third-party app has the sandbox's suite ticket from the start, as an application
	 * that ran before has DingTalk's latest one.
	 */
	@Bean
	SmartInitializingSingleton dingTalkSandboxSuiteTicket(ObjectProvider<SuiteTicketStore> store,
			Environment environment) {
		return () -> {
			if (credentials(environment) == Credentials.THIRD_PARTY_APP) {
				store
					.ifAvailable((tickets) -> tickets.save(DingTalkSandbox.SUITE_TICKET).block(Duration.ofSeconds(30)));
			}
		};
	}

	private static Credentials credentials(Environment environment) {
		return Binder.get(environment)
			.bind("dingtalk.sandbox.credentials", Credentials.class)
			.orElse(Credentials.INTERNAL_APP);
	}

}
