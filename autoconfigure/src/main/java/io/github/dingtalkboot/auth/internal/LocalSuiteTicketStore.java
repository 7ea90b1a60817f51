package io.github.dingtalkboot.auth.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Keeps the latest saved suite ticket in this process; before any is saved, the
 * configured one (if any) stands in.
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
