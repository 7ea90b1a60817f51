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

package io.github.dingtalkboot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

/**
 * How the starter's lifecycles stop what they run: without blocking Spring's shutdown
 * thread, telling Spring when it is done whatever the outcome, so that
 * {@code spring.lifecycle.timeout-per-shutdown-phase} bounds it as it bounds every phase.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class LifecycleStop {

	private static final Log logger = LogFactory.getLog(LifecycleStop.class);

	private LifecycleStop() {
	}

	/**
	 * Stop something in the background.
	 * @param what what stops, for the log
	 * @param stopping stops it
	 * @param callback the callback Spring passed, run once it stopped or failed to
	 */
	static void inBackground(String what, Mono<Void> stopping, Runnable callback) {
		logger.debug("Stopping " + what);
		stopping.doFinally((signal) -> callback.run())
			.subscribe(null, (ex) -> logger.warn("Stopping " + what + " failed: " + ex));
	}

}
