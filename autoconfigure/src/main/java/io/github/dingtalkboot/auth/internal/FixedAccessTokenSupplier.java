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

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import reactor.core.publisher.Mono;

/**
 * Always supplies the same token ({@code dingtalk.access-token}): for tests, or for
 * tokens managed outside the application. Makes no token calls;
 * {@link #invalidate(String)} has nothing to forget.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class FixedAccessTokenSupplier implements AccessTokenSupplier {

	private final Mono<String> token;

	/**
	 * Create a supplier of one token.
	 * @param token the token
	 */
	public FixedAccessTokenSupplier(String token) {
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("token must not be blank");
		}
		this.token = Mono.just(token);
	}

	@Override
	public Mono<String> getAccessToken() {
		return this.token;
	}

	@Override
	public void invalidate(String token) {
	}

	@Override
	public String toString() {
		return "FixedAccessTokenSupplier[token=******]";
	}

}
