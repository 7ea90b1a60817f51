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

package io.github.dingtalkboot.auth.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps the latest saved suite ticket in this process; before any is saved, the
 * configured one (if any) stands in.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class LocalSuiteTicketStore implements SuiteTicketTracker {

	private final AtomicReference<@Nullable String> saved = new AtomicReference<>();

	private final @Nullable String configured;

	/**
	 * Create a store.
	 * @param configured the ticket to supply until one is saved, or {@code null}
	 */
	public LocalSuiteTicketStore(@Nullable String configured) {
		this.configured = (configured != null && !configured.isBlank()) ? configured : null;
	}

	@Override
	public Mono<Void> save(String ticket) {
		return Mono.fromRunnable(() -> this.saved.set(requireTicket(ticket)));
	}

	@Override
	public Mono<String> latest() {
		return Mono.fromSupplier(this::latestNow);
	}

	private @Nullable String latestNow() {
		String ticket = this.saved.get();
		return (ticket != null) ? ticket : this.configured;
	}

	private static String requireTicket(@Nullable String ticket) {
		if (ticket == null || ticket.isBlank()) {
			throw new IllegalArgumentException("A suite ticket must not be blank");
		}
		return ticket;
	}

	@Override
	public String toString() {
		return "LocalSuiteTicketStore[ticket=" + ((latestNow() != null) ? "******" : "none") + "]";
	}

}
