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

import io.github.dingtalkboot.auth.internal.CorpIds;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The credentials an application obtains its DingTalk access token with: one of
 * {@link InternalApp}, {@link ThirdPartyApp} or {@link FixedToken}. {@code toString()}
 * never shows a secret or a token.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 * @see DingTalkConnectionDetails#getCredentials()
 */
public sealed interface DingTalkCredentials {

	/**
	 * Credentials of an internal (enterprise-built) app.
	 * @param appKey the app key
	 * @param appSecret the app secret
	 * @return the credentials
	 */
	static DingTalkCredentials internalApp(String appKey, String appSecret) {
		return new InternalApp(appKey, appSecret);
	}

	/**
	 * Credentials of a third-party enterprise app acting for the corporations that
	 * authorised it, by default for one of them. The suite ticket DingTalk pushes comes
	 * from a {@code SuiteTicketSupplier} bean or {@code dingtalk.suite-ticket}.
	 * @param suiteKey the suite key
	 * @param suiteSecret the suite secret
	 * @param authCorpId the id of the corporation calls without a corp are made for, or
	 * {@code null} for none (every call names its corp)
	 * @return the credentials
	 */
	static DingTalkCredentials thirdPartyApp(String suiteKey, String suiteSecret, @Nullable String authCorpId) {
		return new ThirdPartyApp(suiteKey, suiteSecret, authCorpId);
	}

	/**
	 * A fixed access token, used as it is and never refreshed.
	 * @param accessToken the token
	 * @return the credentials
	 */
	static DingTalkCredentials fixedToken(String accessToken) {
		return new FixedToken(accessToken);
	}

	/**
	 * Credentials of an internal app.
	 *
	 * @param appKey the app key
	 * @param appSecret the app secret
	 */
	record InternalApp(String appKey, String appSecret) implements DingTalkCredentials {

		public InternalApp {
			Assert.hasText(appKey, "appKey must not be empty");
			Assert.hasText(appSecret, "appSecret must not be empty");
		}

		@Override
		public String toString() {
			return "InternalApp[appKey=" + this.appKey + ", appSecret=******]";
		}

	}

	/**
	 * Credentials of a third-party enterprise app.
	 *
	 * @param suiteKey the suite key
	 * @param suiteSecret the suite secret
	 * @param authCorpId the default corporation's id, or {@code null} for none
	 */
	record ThirdPartyApp(String suiteKey, String suiteSecret,
			@Nullable String authCorpId) implements DingTalkCredentials {

		public ThirdPartyApp {
			Assert.hasText(suiteKey, "suiteKey must not be empty");
			Assert.hasText(suiteSecret, "suiteSecret must not be empty");
			if (authCorpId != null) {
				CorpIds.checked(authCorpId);
			}
		}

		@Override
		public String toString() {
			return "ThirdPartyApp[suiteKey=" + this.suiteKey + ", suiteSecret=******, authCorpId=" + this.authCorpId
					+ "]";
		}

	}

	/**
	 * A fixed access token.
	 *
	 * @param accessToken the token
	 */
	record FixedToken(String accessToken) implements DingTalkCredentials {

		public FixedToken {
			Assert.hasText(accessToken, "accessToken must not be empty");
		}

		@Override
		public String toString() {
			return "FixedToken[accessToken=******]";
		}

	}

}
