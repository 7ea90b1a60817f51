package io.github.dingtalkboot.auth.internal;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.auth.SuiteTicketStore;

/**
 * A {@link SuiteTicketStore} that can also say which ticket it holds, so the starter's
 * suite ticket supplier reads from it.
 */
public interface SuiteTicketTracker extends SuiteTicketStore {

	/**
	 * The ticket saved last (by any instance, for a shared store), else the configured
	 * one.
	 * @return the ticket, or empty when there is none yet
	 */
	Mono<String> latest();

}
