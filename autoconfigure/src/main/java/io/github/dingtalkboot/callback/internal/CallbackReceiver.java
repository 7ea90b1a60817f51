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

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;
import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent.Change;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.callback.DingTalkCallbackEvent;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Receives DingTalk's pushes, whatever the web stack: checks a push (size, signature,
 * timestamp, nonce) before decrypting it, acts on its events (a suite ticket is saved, a
 * withdrawn corp's token forgotten), publishes them, and answers with the encrypted
 * {@code success} DingTalk expects, or not-success so that DingTalk pushes again.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CallbackReceiver {

	/** The largest body read: DingTalk's pushes are a few kilobytes. */
	public static final int MAX_BODY_BYTES = 64 * 1024;

	private static final Log logger = LogFactory.getLog(CallbackReceiver.class);

	/** How long handled events are remembered, against DingTalk pushing them again. */
	private static final Duration KEEP_HANDLED = Duration.ofHours(24);

	/** Timestamps below this are seconds, not milliseconds (it is 1973 in ms). */
	private static final long SECONDS_BELOW = 100_000_000_000L;

	private final DingTalkCallbackCrypto crypto;

	private final CallbackSettings settings;

	private final CallbackLedger ledger;

	private final @Nullable SuiteTicketStore suiteTickets;

	private final @Nullable CorpAccessTokenSupplier corpTokens;

	private final Consumer<Object> publisher;

	private final Scheduler listenerScheduler;

	private final CallbackMetrics metrics;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Pushes pushes = new Pushes(this.json);

	private final RejectionWarnings warnings;

	/**
	 * Create a receiver.
	 * @param crypto the application's callback crypto
	 * @param settings the clock skew allowed and the handling timeout
	 * @param ledger what is remembered of accepted pushes
	 * @param suiteTickets where pushed suite tickets are saved, if anywhere
	 * @param corpTokens the corp tokens a withdrawal forgets, if any
	 * @param publisher publishes the events, calling their listeners
	 * @param listenerScheduler where the listeners run (not the web server's threads)
	 * @param metrics what is counted
	 * @param clock the clock timestamps are checked against
	 */
	public CallbackReceiver(DingTalkCallbackCrypto crypto, CallbackSettings settings, CallbackLedger ledger,
			@Nullable SuiteTicketStore suiteTickets, @Nullable CorpAccessTokenSupplier corpTokens,
			Consumer<Object> publisher, Scheduler listenerScheduler, CallbackMetrics metrics, Clock clock) {
		this.crypto = crypto;
		this.settings = settings;
		this.ledger = ledger;
		this.suiteTickets = suiteTickets;
		this.corpTokens = corpTokens;
		this.publisher = publisher;
		this.listenerScheduler = listenerScheduler;
		this.metrics = metrics;
		this.clock = clock;
		this.warnings = new RejectionWarnings(clock, logger);
	}

	/**
	 * Receive a push.
	 * @param request the push
	 * @return a Mono of the answer; it does not fail
	 */
	public Mono<CallbackReply> receive(CallbackRequest request) {
		return Mono.defer(() -> {
			String encrypted = verify(request);
			String nonce = String.valueOf(request.nonce());
			return this.ledger.firstSighting(nonce, this.settings.maxClockSkew().multipliedBy(2))
				.flatMap((first) -> first ? handle(request, encrypted, nonce)
						: Mono.error(new DingTalkCallbackRejectedException(Reason.REPLAYED,
								"A callback whose nonce was seen within the clock-skew window")));
		})
			.onErrorResume(DingTalkCallbackRejectedException.class,
					(rejection) -> Mono.fromSupplier(() -> refuse(rejection)));
	}

	/*
	 * Check what can be checked without decrypting: size, form, signature, timestamp.
	 *
	 * @return the encrypted text
	 */
	private String verify(CallbackRequest request) {
		if (request.tooLarge() || request.body().length > MAX_BODY_BYTES) {
			throw new DingTalkCallbackRejectedException(Reason.TOO_LARGE,
					"A callback body larger than " + MAX_BODY_BYTES + " bytes");
		}
		String encrypted = this.pushes.encrypted(request.body());
		this.crypto.verify(request.signature(), request.timestamp(), request.nonce(), encrypted);
		long sent = timestampMillis(String.valueOf(request.timestamp()));
		Duration skew = Duration.ofMillis(Math.abs(this.clock.millis() - sent));
		if (skew.compareTo(this.settings.maxClockSkew()) > 0) {
			throw new DingTalkCallbackRejectedException(Reason.STALE_TIMESTAMP, "A callback whose timestamp is "
					+ skew.toSeconds() + " s from now, more than the " + this.settings.maxClockSkew() + " allowed");
		}
		return encrypted;
	}

	private static long timestampMillis(String timestamp) {
		long value;
		try {
			value = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			throw new DingTalkCallbackRejectedException(Reason.MALFORMED,
					"A malformed callback: its timestamp is not a number");
		}
		return (value < SECONDS_BELOW) ? value * 1000 : value;
	}

	private Mono<CallbackReply> handle(CallbackRequest request, String encrypted, String nonce) {
		List<Push> events = this.pushes
			.read(this.crypto.decrypt(request.signature(), request.timestamp(), request.nonce(), encrypted));
		return Flux.fromIterable(events)
			.concatMap(this::handle)
			.then(Mono.fromSupplier(this::success))
			.timeout(this.settings.timeout())
			.onErrorResume((ex) -> !(ex instanceof DingTalkCallbackRejectedException),
					(ex) -> this.ledger.forgetNonce(nonce)
						.onErrorComplete()
						.then(Mono.fromSupplier(() -> notHandled(ex))));
	}

	private Mono<Void> handle(Push push) {
		this.metrics.received(push.metricType());
		if (push.isUrlCheck()) {
			return Mono.empty();
		}
		Mono<Void> work = Mono.defer(() -> act(push)).then(publish(push));
		String eventId = push.eventId();
		if (eventId == null) {
			return work;
		}
		return this.ledger.begin(eventId, this.settings.timeout().multipliedBy(2)).flatMap((state) -> switch (state) {
			case DONE -> {
				logger.debug("An event DingTalk pushed again was handled before; not published again: " + push);
				yield Mono.<Void>empty();
			}
			case IN_PROGRESS -> Mono.<Void>error(new EventInProgress(push));
			case NEW -> work.then(this.ledger.done(eventId, KEEP_HANDLED))
				.onErrorResume((ex) -> this.ledger.abandon(eventId).onErrorComplete().then(Mono.error(ex)));
		});
	}

	/*
	 * What the starter does itself: keeps a pushed suite ticket, forgets a withdrawn
	 * corp.
	 */
	private Mono<Void> act(Push push) {
		String ticket = push.suiteTicket();
		if (ticket != null && this.suiteTickets != null) {
			return this.suiteTickets.save(ticket);
		}
		String corpId = push.corpId();
		if (push.change() == Change.WITHDRAWN && corpId != null && this.corpTokens != null) {
			try {
				this.corpTokens.forgetCorp(corpId);
			}
			catch (IllegalArgumentException ex) {
				// not a corp id the starter could have kept anything for
				logger.debug("A withdrawal for an invalid corp id; nothing to forget: " + push);
			}
		}
		return Mono.empty();
	}

	private Mono<Void> publish(Push push) {
		return Mono.<Void>fromRunnable(() -> {
			Change change = push.change();
			String corpId = push.corpId();
			if (change != null && corpId != null) {
				this.publisher.accept(new DingTalkAuthorizationEvent(corpId, push.type(), change));
			}
			this.publisher.accept(new DingTalkCallbackEvent(push.type(), corpId, push.eventId(), push.content()));
		}).subscribeOn(this.listenerScheduler);
	}

	private CallbackReply success() {
		DingTalkCallbackCrypto.Encrypted reply = this.crypto.encrypt("success");
		Map<String, String> body = new LinkedHashMap<>();
		body.put("msg_signature", reply.msgSignature());
		body.put("timeStamp", reply.timeStamp());
		body.put("nonce", reply.nonce());
		body.put("encrypt", reply.encrypt());
		return new CallbackReply(200, this.json.writeValueAsString(body));
	}

	private CallbackReply refuse(DingTalkCallbackRejectedException rejection) {
		this.metrics.rejected(rejection.getReason());
		this.warnings.refused(rejection);
		int status = switch (rejection.getReason()) {
			case MALFORMED, TOO_LARGE -> 400;
			case BAD_SIGNATURE, WRONG_OWNER_KEY, STALE_TIMESTAMP, REPLAYED -> 403;
		};
		return error(status, rejection.getReason().name().toLowerCase(Locale.ROOT));
	}

	private CallbackReply notHandled(Throwable ex) {
		if (ex instanceof TimeoutException) {
			logger.warn("A push to the DingTalk callback was not handled within " + this.settings.timeout()
					+ "; answered not-success, so DingTalk pushes it again");
			return error(503, "timeout");
		}
		if (ex instanceof EventInProgress) {
			logger.debug(ex.getMessage());
			return error(503, "in_progress");
		}
		logger.warn("A push to the DingTalk callback was not handled; answered not-success, so DingTalk pushes it "
				+ "again", ex);
		return error(500, "not_handled");
	}

	private CallbackReply error(int status, String error) {
		return new CallbackReply(status, "{\"error\":\"" + error + "\"}");
	}

	@Override
	public String toString() {
		return "CallbackReceiver[" + this.crypto + "]";
	}

	/** DingTalk pushed an event again while an earlier push of it is still handled. */
	private static final class EventInProgress extends RuntimeException {

		EventInProgress(Push push) {
			super("DingTalk pushed an event again while it is still handled; answered not-success: " + push, null,
					false, false);
		}

	}

}
