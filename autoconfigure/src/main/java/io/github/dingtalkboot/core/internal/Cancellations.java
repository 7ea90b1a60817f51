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

package io.github.dingtalkboot.core.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.Disposable;

/**
 * Cancels what may be over already. Cancelling a call whose connection the closing client
 * has released throws in Reactor Netty (its event loop is gone); the call is over either
 * way, and whoever cancels (a loop ending many watches, the close ending many calls) must
 * go on, so such a failure is logged at DEBUG.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class Cancellations {

	private static final Log logger = LogFactory.getLog(Cancellations.class);

	private Cancellations() {
	}

	/**
	 * Dispose, if there is something to dispose.
	 * @param disposable what to dispose, or {@code null}
	 */
	public static void dispose(@Nullable Disposable disposable) {
		if (disposable == null) {
			return;
		}
		try {
			disposable.dispose();
		}
		catch (RuntimeException ex) {
			cancelFailed(ex);
		}
	}

	/**
	 * Cancel a subscription.
	 * @param subscription what to cancel
	 */
	static void cancel(Subscription subscription) {
		try {
			subscription.cancel();
		}
		catch (RuntimeException ex) {
			cancelFailed(ex);
		}
	}

	private static void cancelFailed(RuntimeException ex) {
		logger.debug("Cancelling a call that had ended with its connection: " + ex);
	}

}
