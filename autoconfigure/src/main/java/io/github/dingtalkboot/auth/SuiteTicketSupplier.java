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

package io.github.dingtalkboot.auth;

import reactor.core.publisher.Mono;

/**
 * Supplies the current suite ticket of a third-party enterprise app. DingTalk pushes a
 * new ticket to the app about every five hours; declare a bean of this type that returns
 * the latest one pushed (e.g. from your callback handler's store). The default returns
 * {@code dingtalk.suite-ticket}.
 *
 * @author dingtalk-spring-boot maintainers
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
