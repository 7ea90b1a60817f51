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

import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox.Api;
import io.github.dingtalkboot.test.SandboxFailure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annotation as a user puts it on a test of their own: no DingTalk property set, the
 * sandbox scripted, the notice checked.
 */
@SpringBootTest(properties = { "dingtalk.storage.poll.initial-interval=50ms",
		"dingtalk.storage.poll.max-interval=200ms", "dingtalk.retry.initial-backoff=5ms" })
@AutoConfigureDingTalkSandbox
class NoticeApplicationTests {

	@Autowired
	private DingTalkSandbox dingtalk;

	@Autowired
	private BulkMoveNotices notices;

	@Test
	void aNoticeIsSentWhenTheBulkMoveEnds() {
		this.dingtalk.task("move-1")
			.initFor(Duration.ofMillis(300))
			.subtasks(30)
			.endsAfter(Duration.ofMillis(900))
			.succeeds();

		this.notices.noticeWhenDone("move-1").block(Duration.ofSeconds(30));

		assertThat(this.notices.sent()).contains("move-1 ended SUCCESS: 30 of 30 moved");
		assertThat(this.dingtalk.requests(Api.STORAGE_TASK)).hasSizeGreaterThanOrEqualTo(2);
	}

	@Test
	void aThrottledPollIsRetriedAndTheNoticeStillComes() {
		this.dingtalk.task("move-2").subtasks(5).endsAfter(Duration.ofMillis(300)).failsWith("a file is locked");
		this.dingtalk.failNext(Api.STORAGE_TASK, 2, SandboxFailure.throttled());

		this.notices.noticeWhenDone("move-2").block(Duration.ofSeconds(30));

		assertThat(this.notices.sent()).contains("move-2 ended FAIL: 4 of 5 moved");
	}

}
