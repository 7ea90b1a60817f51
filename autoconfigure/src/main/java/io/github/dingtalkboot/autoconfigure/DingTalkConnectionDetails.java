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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where DingTalk is reached and with which credentials. The auto-configuration reads them
 * from a bean of this type when one exists (one of the application's own, or one made by
 * {@code @ServiceConnection}), else from the {@code dingtalk.*} properties. Such a bean
 * alone is enough to connect: no {@code dingtalk.*} property is needed beside it.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public interface DingTalkConnectionDetails extends ConnectionDetails {

	/**
	 * DingTalk's API base URL, e.g. {@code https://api.dingtalk.io}.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * The credentials the access token is obtained with. {@code null} (the default) means
	 * this source knows none (a test double that checks no credentials, for instance):
	 * the {@code dingtalk.*} credentials are then used.
	 * @return the credentials, or {@code null} to use the {@code dingtalk.*} ones
	 */
	default @Nullable DingTalkCredentials getCredentials() {
		return null;
	}

}
