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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a corp id may be: DingTalk's are short ASCII ({@code ding…}), but one comes from
 * the application's requests, so it is checked before it reaches a request or a key.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CorpIds {

	/** The longest corp id taken. */
	public static final int MAX_LENGTH = 128;

	private CorpIds() {
	}

	/**
	 * What is wrong with a corp id.
	 * @param corpId the corp id
	 * @return the problem, or {@code null} when it is valid
	 */
	public static @Nullable IllegalArgumentException problem(@Nullable String corpId) {
		if (corpId == null || corpId.isBlank()) {
			return new IllegalArgumentException("corpId must not be null or blank");
		}
		if (corpId.length() > MAX_LENGTH) {
			return new IllegalArgumentException("corpId must not be longer than " + MAX_LENGTH + " characters");
		}
		for (int i = 0; i < corpId.length(); i++) {
			char c = corpId.charAt(i);
			if (Character.isISOControl(c) || Character.isWhitespace(c)) {
				return new IllegalArgumentException("corpId must not contain control or white space characters");
			}
		}
		return null;
	}

	/**
	 * Check a corp id.
	 * @param corpId the corp id
	 * @return the corp id
	 * @throws IllegalArgumentException when it is invalid
	 */
	public static String checked(@Nullable String corpId) {
		IllegalArgumentException problem = problem(corpId);
		if (problem != null) {
			throw problem;
		}
		return Objects.requireNonNull(corpId);
	}

}
