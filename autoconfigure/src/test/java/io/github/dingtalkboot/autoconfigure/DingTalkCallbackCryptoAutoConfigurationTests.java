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

import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link DingTalkCallbackCrypto} bean, from {@code dingtalk.callback.*} and the
 * application's credentials, checked on the test push DingTalk publishes.
 */
class DingTalkCallbackCryptoAutoConfigurationTests {

	private static final String PUBLISHED_KEY = "4g5j64qlyl3zvetqxz5jiocdr586fn2zvjpa8zls3ij";

	private static final String PUBLISHED_ENCRYPTED = "1a3NBxmCFwkCJvfoQ7WhJHB+iX3qHPsc9JbaDznE1i03peOk1LaOQoRz3"
			+ "+nlyGNhwmwJ3vDMG+OzrHMeiZI7gTRWVdUBmfxjZ8Ej23JVYa9VrYeJ5as7XM/ZpulX8NEQis44w53h1qAgnC3PRzM7Zc"
			+ "/D6Ibr0rgUathB6zRHP8PYrfgnNOS9PhSBdHlegK+AGGanfwjXuQ9+0pZcy0w9lQ==";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class));

	@Test
	void aThirdPartyAppsCryptoTakesTheSuiteKeyAndDecryptsDingTalksPublishedPush() {
		this.runner
			.withPropertyValues("dingtalk.suite-key=suite4xxxxxxxxxxxxxxx", "dingtalk.suite-secret=secret",
					"dingtalk.callback.token=123456", "dingtalk.callback.aes-key=" + PUBLISHED_KEY)
			.run((context) -> assertThat(context.getBean(DingTalkCallbackCrypto.class)
				.decrypt("5a65ceeef9aab2d149439f82dc191dd6c5cbe2c0", "1445827045067", "nEXhMP4r", PUBLISHED_ENCRYPTED))
				.contains("check_create_suite_url"));
	}

	@Test
	void anInternalAppsCryptoTakesTheAppKey() {
		this.runner
			.withPropertyValues("dingtalk.app-key=app-key-1", "dingtalk.app-secret=secret",
					"dingtalk.callback.token=tok", "dingtalk.callback.aes-key=" + PUBLISHED_KEY)
			.run((context) -> assertThat(context.getBean(DingTalkCallbackCrypto.class).toString())
				.contains("ownerKey=app-key-1"));
	}

	@Test
	void theOwnerKeyPropertyStandsInForTheCredentials() {
		this.runner
			.withPropertyValues("dingtalk.app-key=app-key-1", "dingtalk.app-secret=secret",
					"dingtalk.callback.token=tok", "dingtalk.callback.aes-key=" + PUBLISHED_KEY,
					"dingtalk.callback.owner-key=ding-corp-1")
			.run((context) -> assertThat(context.getBean(DingTalkCallbackCrypto.class).toString())
				.contains("ownerKey=ding-corp-1"));
	}

	@Test
	void withoutTheTokenAndKeyOrWithEmptyOnesThereIsNoCrypto() {
		this.runner.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s")
			.run((context) -> assertThat(context).doesNotHaveBean(DingTalkCallbackCrypto.class));
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.callback.token=",
					"dingtalk.callback.aes-key=")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DingTalkCallbackCrypto.class));
	}

	@Test
	void anAesKeyThatIsNotOneFailsStartUpNamingThePropertyButNotItsValue() {
		this.runner
			.withPropertyValues("dingtalk.app-key=k", "dingtalk.app-secret=s", "dingtalk.callback.token=tok",
					"dingtalk.callback.aes-key=not-a-key-but-a-secret")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dingtalk.callback.aes-key")
				.hasMessageNotContaining("not-a-key-but-a-secret"));
	}

	@Test
	void aFixedTokenWithoutAnOwnerKeyFailsStartUpAskingForOne() {
		this.runner
			.withPropertyValues("dingtalk.access-token=fixed", "dingtalk.callback.token=tok",
					"dingtalk.callback.aes-key=" + PUBLISHED_KEY)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("dingtalk.callback.owner-key"));
	}

	@Test
	void thePropertiesNeverShowTheTokenOrTheKey() {
		DingTalkProperties properties = new DingTalkProperties();
		properties.getCallback().setToken("callback-token-value");
		properties.getCallback().setAesKey(PUBLISHED_KEY);

		assertThat(properties.toString()).doesNotContain("callback-token-value").doesNotContain(PUBLISHED_KEY);
	}

}
