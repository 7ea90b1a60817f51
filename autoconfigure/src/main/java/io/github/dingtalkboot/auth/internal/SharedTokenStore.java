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

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * Where the instances of an application keep the one access token of a credential (Redis
 * when the cluster is on). Every operation fails, rather than hangs, when the store
 * cannot be reached; {@link SharedAccessTokenFetcher} then goes on without it.
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface SharedTokenStore {

	/**
	 * The token kept for the credential.
	 * @return the token and its time to live by the store's clock, or empty
	 */
	Mono<StoredToken> read();

	/**
	 * Keep a token until it expires.
	 * @param token the token
	 * @param timeToLive how long DingTalk said it is valid
	 * @return a Mono that completes once it is kept
	 */
	Mono<Void> write(String token, Duration timeToLive);

	/**
	 * Take the lock that makes one instance fetch while the others wait.
	 * @param timeToLive how long the lock holds if its holder never releases it
	 * @return {@code true} when this instance holds the lock now
	 */
	Mono<Boolean> tryLock(Duration timeToLive);

	/**
	 * Extend the lock while this instance fetches, if it still holds it.
	 * @param timeToLive how long the lock holds from now if its holder never renews it
	 * @return {@code true} when this instance still holds the lock
	 */
	Mono<Boolean> renewLock(Duration timeToLive);

	/**
	 * Whether any instance holds the lock now.
	 * @return {@code true} while an instance fetches
	 */
	Mono<Boolean> isLocked();

	/**
	 * Release the lock if this instance still holds it.
	 * @return a Mono that completes once released
	 */
	Mono<Void> unlock();

	/**
	 * Forget the kept token if it still is the given one.
	 * @param token the rejected token
	 * @return {@code true} when it was forgotten
	 */
	Mono<Boolean> removeIf(String token);

	/**
	 * A token as kept, with the time it has left.
	 *
	 * @param value the token
	 * @param timeToLive the time left
	 */
	record StoredToken(String value, Duration timeToLive) {

		@Override
		public String toString() {
			return "StoredToken[value=******, timeToLive=" + this.timeToLive + "]";
		}

	}

}
