package io.github.dingtalkboot.sample.sandbox;

import java.time.Duration;

import io.github.dingtalkboot.auth.SuiteTicketStore;

/**
 * The suite ticket the sandbox pushed, saved the way a third-party app's ticket-push
 * callback saves DingTalk's: with {@link SuiteTicketStore#save}, so every instance uses
 * it (through Redis when the instances share it).
 */
final class SuiteTicketPush {

	private SuiteTicketPush() {
	}

	static SuiteTicketPush of(SuiteTicketStore store) {
		store.save(SandboxDingTalk.SUITE_TICKET).block(Duration.ofSeconds(30));
		return new SuiteTicketPush();
	}

}
