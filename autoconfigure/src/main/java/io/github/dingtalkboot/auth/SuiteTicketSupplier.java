package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the current suite ticket of a third-party enterprise app. DingTalk pushes a
 * new ticket to the app about every five hours; declare a bean of this type that returns
 * the latest one pushed (e.g. from your callback handler's store). The default returns
 * {@code dingtalk.suite-ticket}.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface SuiteTicketSupplier {

	/**
	 * The suite ticket to use for the next corp access-token request.
	 * @return a Mono of the current ticket
	 */
	Mono<String> getSuiteTicket();

}
