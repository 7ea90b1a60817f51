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

import io.github.dingtalkboot.auth.SuiteTicketStore;
import reactor.core.publisher.Mono;

/**
 * A {@link SuiteTicketStore} that can also say which ticket it holds, so the starter's
 * suite ticket supplier reads from it.
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface SuiteTicketTracker extends SuiteTicketStore {

	/**
	 * The ticket saved last (by any instance, for a shared store), else the configured
	 * one.
	 * @return the ticket, or empty when there is none yet
	 */
	Mono<String> latest();

}
