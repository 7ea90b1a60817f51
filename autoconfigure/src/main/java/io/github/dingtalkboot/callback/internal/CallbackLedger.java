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

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * What the callback remembers of the pushes it accepted: their nonces, against replays,
 * and their events' ids, against DingTalk's own repeats. In memory for one instance, in
 * Redis for a cluster.
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface CallbackLedger {

	/**
	 * Note a nonce, unless it was noted within its window.
	 * @param nonce the push's nonce
	 * @param window how long to remember it
	 * @return a Mono of {@code true} when first seen, {@code false} for a replay
	 */
	Mono<Boolean> firstSighting(String nonce, Duration window);

	/**
	 * Forget a nonce, because its push was not handled: DingTalk may push it again.
	 * @param nonce the nonce
	 * @return a Mono that completes once forgotten
	 */
	Mono<Void> forgetNonce(String nonce);

	/**
	 * Start handling an event, unless it is handled or being handled.
	 * @param eventId the id of the event
	 * @param bound how long it may be handled at most
	 * @return a Mono of where the event stands; {@link EventState#NEW} when this call
	 * started it
	 */
	Mono<EventState> begin(String eventId, Duration bound);

	/**
	 * Note that an event was handled.
	 * @param eventId the event's id
	 * @param keep how long to remember it
	 * @return a Mono that completes once noted
	 */
	Mono<Void> done(String eventId, Duration keep);

	/**
	 * Forget an event whose handling failed, so that it is handled when DingTalk pushes
	 * it again.
	 * @param eventId the event's id
	 * @return a Mono that completes once forgotten
	 */
	Mono<Void> abandon(String eventId);

	/**
	 * Where an event stands.
	 */
	enum EventState {

		/** Not seen: the caller handles it. */
		NEW,

		/** Being handled by another push (DingTalk pushed it again meanwhile). */
		IN_PROGRESS,

		/** Handled. */
		DONE

	}

}
