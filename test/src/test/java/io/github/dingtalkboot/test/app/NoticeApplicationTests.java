package io.github.dingtalkboot.test.app;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.github.dingtalkboot.test.AutoConfigureDingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox;
import io.github.dingtalkboot.test.DingTalkSandbox.Api;
import io.github.dingtalkboot.test.SandboxFailure;

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
