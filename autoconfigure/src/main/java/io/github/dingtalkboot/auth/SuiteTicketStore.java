package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Keeps the suite ticket DingTalk pushes to a third-party enterprise app. Call
 * {@link #save(String)} from the app's ticket-push callback; the starter's
 * {@link SuiteTicketSupplier} then hands out the latest saved ticket. With
 * {@code dingtalk.cluster.enabled} the ticket is kept in Redis, so every instance of the
 * application uses the ticket pushed to any one of them.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SuiteTicketStore {

	/**
	 * Keep a newly pushed ticket; it replaces the previous one.
	 * @param ticket the ticket DingTalk pushed
	 * @return a Mono that completes once the ticket is kept
	 */
	Mono<Void> save(String ticket);

}
