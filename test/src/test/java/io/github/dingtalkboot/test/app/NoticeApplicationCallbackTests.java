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

package io.github.dingtalkboot.test.app;

import java.time.Duration;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox;
import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox.Credentials;
import io.github.dingtalkboot.test.DingTalkSandbox;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A third-party app's test on a real port: the sandbox pushes to the application's
 * callback endpoint, encrypted as DingTalk does, and a corp withdrawing reaches the
 * application's listener.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "dingtalk.storage.union-id=operator")
@AutoConfigureDingTalkSandbox(credentials = Credentials.THIRD_PARTY_APP)
class NoticeApplicationCallbackTests {

	@LocalServerPort
	private int port;

	@Autowired
	private DingTalkSandbox dingtalk;

	@Autowired
	private CorpChanges corpChanges;

	@Autowired
	private StorageTaskOperations tasks;

	@Test
	void aCorpThatWithdrawsIsPushedToTheApplicationAndGetsNoMoreTokens() {
		this.dingtalk.pushTo("http://127.0.0.1:" + this.port + "/dingtalk/callback");
		this.dingtalk.task("b1").forCorp("sandbox-corp-b").succeeds();
		assertThat(this.tasks.forCorp("sandbox-corp-b").getTask("b1").block(Duration.ofSeconds(30)).status())
			.isEqualTo(StorageTaskStatus.SUCCESS);

		this.dingtalk.withdraw("sandbox-corp-b");

		assertThat(this.corpChanges.changes()).containsExactly("sandbox-corp-b WITHDRAWN");
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.tasks.forCorp("sandbox-corp-b").getTask("b1").block(Duration.ofSeconds(30)));
	}

}
