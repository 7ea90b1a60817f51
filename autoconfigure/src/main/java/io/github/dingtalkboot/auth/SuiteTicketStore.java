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
 * Keeps the suite ticket DingTalk pushes to a third-party enterprise app. Call
 * {@link #save(String)} from the app's ticket-push callback; the starter's
 * {@link SuiteTicketSupplier} then hands out the latest saved ticket. With
 * {@code dingtalk.cluster.enabled} the ticket is kept in Redis, so every instance of the
 * application uses the ticket pushed to any one of them.
 *
 * @author dingtalk-spring-boot maintainers
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
