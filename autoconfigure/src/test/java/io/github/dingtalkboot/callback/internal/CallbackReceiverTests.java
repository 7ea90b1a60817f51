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

package io.github.dingtalkboot.callback.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;
import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent.Change;
import io.github.dingtalkboot.callback.DingTalkCallbackEvent;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import io.github.dingtalkboot.testsupport.DingTalkPushes;
import io.github.dingtalkboot.testsupport.DingTalkPushes.Push;
import io.github.dingtalkboot.testsupport.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The callback receiver, whatever the web stack: what it answers, what it saves and
 * publishes, and what it refuses before decrypting.
 */
@ExtendWith(OutputCaptureExtension.class)
class CallbackReceiverTests {

	private static final String SUITE_KEY = "suite-key-1";

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T10:00:00Z"));

	private final DingTalkPushes pushes = new DingTalkPushes(SUITE_KEY, this.clock);

	private final List<String> savedTickets = new CopyOnWriteArrayList<>();

	private final List<String> forgottenCorps = new CopyOnWriteArrayList<>();

	private final List<Object> published = new CopyOnWriteArrayList<>();

	private final List<String> received = new CopyOnWriteArrayList<>();

	private final List<Reason> rejected = new CopyOnWriteArrayList<>();

	private Consumer<Object> listener = (event) -> {
	};

	private final CountDownLatch release = new CountDownLatch(1);

	private final CallbackReceiver receiver = receiver(Duration.ofSeconds(5));

	@AfterEach
	void releaseListeners() {
		this.release.countDown();
	}

	private CallbackReceiver receiver(Duration timeout) {
		SuiteTicketStore tickets = (ticket) -> Mono.fromRunnable(() -> this.savedTickets.add(ticket));
		CorpAccessTokenSupplier corps = new CorpAccessTokenSupplier() {

			@Override
			public Mono<String> getAccessToken(String corpId) {
				return Mono.error(new UnsupportedOperationException());
			}

			@Override
			public Mono<Void> invalidate(String corpId, String token) {
				return Mono.empty();
			}

			@Override
			public void forgetCorp(String corpId) {
				CallbackReceiverTests.this.forgottenCorps.add(corpId);
			}

		};
		CallbackMetrics metrics = new CallbackMetrics() {

			@Override
			public void received(String type) {
				CallbackReceiverTests.this.received.add(type);
			}

			@Override
			public void rejected(Reason reason) {
				CallbackReceiverTests.this.rejected.add(reason);
			}

		};
		Consumer<Object> publisher = (event) -> {
			this.listener.accept(event);
			this.published.add(event);
		};
		return new CallbackReceiver(
				new io.github.dingtalkboot.callback.DingTalkCallbackCrypto(DingTalkPushes.TOKEN, DingTalkPushes.AES_KEY,
						SUITE_KEY),
				new CallbackSettings(Duration.ofMinutes(5), timeout), new LocalCallbackLedger(), tickets, corps,
				publisher, Schedulers.boundedElastic(), metrics, this.clock);
	}

	private CallbackReply receive(Push push) {
		return this.receiver.receive(push.request()).block(Duration.ofSeconds(30));
	}

	@Test
	void dingTalksUrlCheckIsAnsweredWithTheEncryptedSuccessAndPublishesNothing() {
		CallbackReply reply = receive(this.pushes.of("{\"EventType\":\"check_url\"}"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(this.pushes.isSuccess(reply.body())).isTrue();
		assertThat(this.published).isEmpty();
		assertThat(this.received).containsExactly("check_url");
	}

	@Test
	void aPushedSuiteTicketIsSavedAndPublished() {
		CallbackReply reply = receive(this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "ticket-1")));

		assertThat(this.pushes.isSuccess(reply.body())).isTrue();
		assertThat(this.savedTickets).containsExactly("ticket-1");
		assertThat(this.published).singleElement().isInstanceOfSatisfying(DingTalkCallbackEvent.class, (event) -> {
			assertThat(event.getType()).isEqualTo("suite_ticket");
			assertThat(event.getContent()).containsEntry("SuiteTicket", "ticket-1");
			assertThat(event.toString()).doesNotContain("ticket-1");
		});
	}

	@Test
	void aSuiteTicketInTheSyncHttpPushFormIsSavedToo() {
		receive(this.pushes.of(DingTalkPushes.syncHttpPushHigh(41, 2, "ding-suite-corp",
				"{\"syncAction\":\"suite_ticket\",\"suiteTicket\":\"ticket-2\",\"syncSeq\":\"7\"}")));

		assertThat(this.savedTickets).containsExactly("ticket-2");
		assertThat(this.published).singleElement().isInstanceOfSatisfying(DingTalkCallbackEvent.class, (event) -> {
			assertThat(event.getType()).isEqualTo("suite_ticket");
			assertThat(event.getEventId()).isEqualTo("sync:41");
			assertThat(event.getContent().get("biz_data")).isInstanceOf(Map.class);
		});
	}

	@Test
	void aCorpAuthorisingTheSuiteIsPublishedAsAnAuthorizationBeforeTheCallbackEvent() {
		receive(this.pushes.of(DingTalkPushes.authorization("tmp_auth_code", SUITE_KEY, "ding-corp-1")));

		assertThat(this.published).hasSize(2);
		assertThat(this.published.get(0)).isInstanceOfSatisfying(DingTalkAuthorizationEvent.class, (event) -> {
			assertThat(event.getCorpId()).isEqualTo("ding-corp-1");
			assertThat(event.getChange()).isEqualTo(Change.AUTHORIZED);
		});
		assertThat(this.published.get(1)).isInstanceOfSatisfying(DingTalkCallbackEvent.class,
				(event) -> assertThat(event.getCorpId()).isEqualTo("ding-corp-1"));
		assertThat(this.forgottenCorps).isEmpty();
	}

	@Test
	void aCorpWithdrawingIsForgottenByTheCorpTokensBeforeItsEventIsPublished() {
		List<String> forgottenWhenPublished = new ArrayList<>();
		this.listener = (event) -> forgottenWhenPublished.addAll(this.forgottenCorps);

		receive(this.pushes.of(DingTalkPushes.authorization("suite_relieve", SUITE_KEY, "ding-corp-1")));

		assertThat(this.forgottenCorps).containsExactly("ding-corp-1");
		assertThat(forgottenWhenPublished).contains("ding-corp-1");
		assertThat(this.published.get(0)).isInstanceOfSatisfying(DingTalkAuthorizationEvent.class,
				(event) -> assertThat(event.getChange()).isEqualTo(Change.WITHDRAWN));
	}

	@Test
	void aWithdrawalInTheSyncHttpPushFormIsForgottenToo() {
		receive(this.pushes.of(DingTalkPushes.syncHttpPushHigh(42, 4, "ding-corp-2",
				"{\"syncAction\":\"org_suite_relieve\",\"syncSeq\":\"8\"}")));

		assertThat(this.forgottenCorps).containsExactly("ding-corp-2");
		assertThat(this.published.get(0)).isInstanceOfSatisfying(DingTalkAuthorizationEvent.class,
				(event) -> assertThat(event.getType()).isEqualTo("org_suite_relieve"));
	}

	@Test
	void anEventDingTalkPushesAgainIsPublishedOnceAndAnsweredSuccessBothTimes() {
		String message = DingTalkPushes.syncHttpPushHigh(43, 2, "c",
				"{\"syncAction\":\"suite_ticket\",\"suiteTicket\":\"t\"}");

		CallbackReply first = receive(this.pushes.of(message));
		CallbackReply again = receive(this.pushes.of(message));

		assertThat(this.pushes.isSuccess(first.body())).isTrue();
		assertThat(this.pushes.isSuccess(again.body())).isTrue();
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aListenerThatThrowsMakesTheAnswerNotSuccessAndGetsTheEventWhenDingTalkPushesItAgain() {
		String message = DingTalkPushes.syncHttpPushHigh(44, 4, "ding-corp-3", "{\"syncAction\":\"org_suite_auth\"}");
		this.listener = (event) -> {
			throw new IllegalStateException("listener down");
		};
		CallbackReply failed = receive(this.pushes.of(message));
		this.listener = (event) -> {
		};

		CallbackReply again = receive(this.pushes.of(message));

		assertThat(failed.status()).isEqualTo(500);
		assertThat(this.pushes.isSuccess(again.body())).isTrue();
		assertThat(this.published).hasSize(2);
	}

	@Test
	void aPushWhoseHandlingFailedIsAcceptedAgainWithTheSameNonce() {
		this.listener = (event) -> {
			throw new IllegalStateException("listener down");
		};
		Push push = this.pushes.of(DingTalkPushes.authorization("change_auth", SUITE_KEY, "ding-corp-4"));
		receive(push);
		this.listener = (event) -> {
		};

		CallbackReply again = receive(push);

		assertThat(this.pushes.isSuccess(again.body())).isTrue();
	}

	@Test
	void anEventPushedAgainWhileItIsStillHandledIsAnsweredNotSuccess() throws InterruptedException {
		String message = DingTalkPushes.syncHttpPushHigh(45, 4, "c", "{\"syncAction\":\"org_suite_auth\"}");
		CountDownLatch listening = new CountDownLatch(1);
		this.listener = (event) -> {
			listening.countDown();
			await(this.release);
		};
		Mono<CallbackReply> first = this.receiver.receive(this.pushes.of(message).request()).cache();
		first.subscribe();
		assertThat(listening.await(30, TimeUnit.SECONDS)).isTrue();

		CallbackReply again = receive(this.pushes.of(message));
		this.release.countDown();

		assertThat(again.status()).isEqualTo(503);
		assertThat(this.pushes.isSuccess(first.block(Duration.ofSeconds(30)).body())).isTrue();
	}

	@Test
	void aListenerSlowerThanTheTimeoutIsAnsweredNotSuccess() {
		CallbackReceiver receiver = receiver(Duration.ofMillis(200));
		this.listener = (event) -> await(this.release);

		CallbackReply reply = receiver.receive(this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t")).request())
			.block(Duration.ofSeconds(30));

		assertThat(reply.status()).isEqualTo(503);
	}

	@Test
	void aPushWithAnotherTokensSignatureIsRefusedWith403AndNothingHappens() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "forged"));

		CallbackReply reply = receive(push.withSignature("0".repeat(40)));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.body()).contains("bad_signature");
		assertThat(this.rejected).containsExactly(Reason.BAD_SIGNATURE);
		assertThat(this.savedTickets).isEmpty();
		assertThat(this.published).isEmpty();
	}

	@Test
	void aPushForAnotherOwnerKeyIsRefusedWith403() {
		DingTalkPushes otherSuite = new DingTalkPushes("another-suite", this.clock);

		CallbackReply reply = receive(otherSuite.of(DingTalkPushes.suiteTicket("another-suite", "t")));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(this.rejected).containsExactly(Reason.WRONG_OWNER_KEY);
		assertThat(this.savedTickets).isEmpty();
	}

	@Test
	void aPushWhoseTimestampIsFurtherFromNowThanTheSkewIsRefusedAsStale() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

		CallbackReply reply = receive(push);

		assertThat(reply.status()).isEqualTo(403);
		assertThat(this.rejected).containsExactly(Reason.STALE_TIMESTAMP);
		assertThat(this.savedTickets).isEmpty();
	}

	@Test
	void aPushFromAClockAheadWithinTheSkewIsAccepted() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"), this.clock.millis() + 240_000,
				"ahead-1");

		assertThat(this.pushes.isSuccess(receive(push).body())).isTrue();
	}

	@Test
	void aTimestampInSecondsIsReadAsSeconds() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"), this.clock.millis() / 1000, "secs-1");

		assertThat(this.pushes.isSuccess(receive(push).body())).isTrue();
	}

	@Test
	void aPushSentAgainWithinTheWindowIsRefusedAsAReplay() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
		receive(push);

		CallbackReply replay = receive(push);

		assertThat(replay.status()).isEqualTo(403);
		assertThat(this.rejected).containsExactly(Reason.REPLAYED);
		assertThat(this.savedTickets).hasSize(1);
		assertThat(this.published).hasSize(1);
	}

	@Test
	void aBodyOver64KilobytesIsRefusedWith400() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
		byte[] large = new byte[CallbackReceiver.MAX_BODY_BYTES + 1];

		CallbackReply reply = this.receiver
			.receive(new CallbackRequest(push.signature(), push.timestamp(), push.nonce(), large, false))
			.block(Duration.ofSeconds(30));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(this.rejected).containsExactly(Reason.TOO_LARGE);
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedWith400() {
		CallbackReply reply = receive(this.pushes.of("{}").withBody("encrypt=abc"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(this.rejected).containsExactly(Reason.MALFORMED);
	}

	@Test
	void aSignedEncryptedTextThatIsNotBase64IsRefusedWith400() {
		io.github.dingtalkboot.callback.DingTalkCallbackCrypto crypto = new io.github.dingtalkboot.callback.DingTalkCallbackCrypto(
				DingTalkPushes.TOKEN, DingTalkPushes.AES_KEY, SUITE_KEY);
		String timestamp = String.valueOf(this.clock.millis());
		String signature = crypto.signature(timestamp, "n-1", "!!not base64!!");

		CallbackReply reply = receive(new Push(signature, timestamp, "n-1", "{\"encrypt\":\"!!not base64!!\"}"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(this.rejected).containsExactly(Reason.MALFORMED);
	}

	@Test
	void aDecryptedMessageWithoutAnEventTypeIsRefusedWith400() {
		CallbackReply reply = receive(this.pushes.of("{\"Random\":\"x\"}"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(this.rejected).containsExactly(Reason.MALFORMED);
	}

	@Test
	void aPushWithoutItsQueryIsRefusedWith400() {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));

		CallbackReply reply = this.receiver
			.receive(new CallbackRequest(null, null, null, push.body().getBytes(StandardCharsets.UTF_8), false))
			.block(Duration.ofSeconds(30));

		assertThat(reply.status()).isEqualTo(400);
	}

	@Test
	void eventTypesAreCountedByNameAndUnknownOnesAsOther() {
		receive(this.pushes.of("{\"EventType\":\"bpms_instance_change\",\"corpId\":\"c\"}"));
		receive(this.pushes.of("{\"EventType\":\"some_future_event\"}"));

		assertThat(this.received).containsExactly("bpms_instance_change", "other");
		assertThat(this.published).hasSize(2);
	}

	@Test
	void refusalsAreWarnedAtMostOnceAMinutePerReason(CapturedOutput output) {
		Push push = this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "t"));
		for (int i = 0; i < 3; i++) {
			receive(push.withSignature("0".repeat(40)));
		}
		receive(this.pushes.of("{}").withBody("not json"));
		assertThat(warnings(output)).hasSize(2);

		this.clock.advance(Duration.ofSeconds(61));
		receive(push.withSignature("1".repeat(40)));

		assertThat(warnings(output)).hasSize(3);
		assertThat(warnings(output).get(2)).contains("BAD_SIGNATURE").contains("2 more refused");
	}

	@Test
	void neitherTheTokenNorTheKeyNorATicketIsLogged(CapturedOutput output) {
		receive(this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "secret-ticket")).withSignature("0".repeat(40)));
		this.listener = (event) -> {
			throw new IllegalStateException("listener down");
		};
		receive(this.pushes.of(DingTalkPushes.suiteTicket(SUITE_KEY, "secret-ticket")));

		assertThat(output.getAll()).contains("listener down")
			.doesNotContain("secret-ticket")
			.doesNotContain(DingTalkPushes.TOKEN)
			.doesNotContain(DingTalkPushes.AES_KEY);
	}

	private static List<String> warnings(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains("Refused a push")).toList();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
