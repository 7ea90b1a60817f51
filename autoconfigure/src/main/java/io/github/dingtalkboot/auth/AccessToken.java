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

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An access token as a token endpoint issued it.
 *
 * @param value the token
 * @param expiresIn the lifetime DingTalk announced ({@code expireIn}), or {@code null}
 * when it sent none
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public record AccessToken(String value, @Nullable Duration expiresIn) {

	/**
	 * Check the token.
	 */
	public AccessToken {
		Objects.requireNonNull(value, "value must not be null");
	}

	/**
	 * Never shows the token itself.
	 * @return a description without the token
	 */
	@Override
	public String toString() {
		return "AccessToken[value=******, expiresIn=" + this.expiresIn + "]";
	}

}
