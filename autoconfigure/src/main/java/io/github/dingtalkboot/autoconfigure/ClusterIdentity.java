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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What the cluster's Redis keys name a credential by: its public part (app key, or suite
 * key and corp id), never a secret, and the DingTalk it is used against when that is not
 * one of DingTalk's production hosts (one app key against a test DingTalk and the real
 * one are two sets of tasks and rate limits).
 *
 * @author dingtalk-spring-boot maintainers
 */
final class ClusterIdentity {

	/** DingTalk's production hosts: keys against them carry no host, as before. */
	private static final Set<String> PRODUCTION_HOSTS = Set.of("api.dingtalk.io", "api.dingtalk.com");

	private ClusterIdentity() {
	}

	/**
	 * The identity of the credential the access token, the rate limit and the tracked
	 * tasks belong to.
	 * @param credentials the configured credentials, or {@code null} for none
	 * @param baseUrl the DingTalk API's base URL
	 * @return the identity, or {@code null} when the credentials name no app (a fixed
	 * token, or an application with its own access token supplier)
	 */
	static @Nullable String of(@Nullable DingTalkCredentials credentials, String baseUrl) {
		if (credentials instanceof DingTalkCredentials.InternalApp app) {
			return "app:" + app.appKey() + at(baseUrl);
		}
		if (credentials instanceof DingTalkCredentials.ThirdPartyApp app) {
			String corpId = app.authCorpId();
			return (corpId != null) ? ofCorp(app.suiteKey(), corpId, baseUrl) : suite(app.suiteKey()) + at(baseUrl);
		}
		return null;
	}

	/**
	 * The identity of a corp's token of a third-party app. A corp id other than letters,
	 * digits, {@code .}, {@code _} and {@code -} (DingTalk's are {@code ding…}) is
	 * percent-encoded, so that it cannot end a key's hash tag or look like another key.
	 * @param suiteKey the suite key
	 * @param corpId the corp id
	 * @param baseUrl the DingTalk API's base URL
	 * @return the identity
	 */
	static String ofCorp(String suiteKey, String corpId, String baseUrl) {
		return suite(suiteKey) + ":corp:" + escape(corpId) + at(baseUrl);
	}

	private static String escape(String corpId) {
		StringBuilder escaped = new StringBuilder(corpId.length());
		for (byte b : corpId.getBytes(StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xff);
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
					|| c == '-') {
				escaped.append(c);
			}
			else {
				escaped.append('%').append(String.format("%02X", b & 0xff));
			}
		}
		return escaped.toString();
	}

	/**
	 * The identity used when the credentials name no app and the application set
	 * {@code dingtalk.cluster.key-prefix} itself.
	 * @param credentials the configured credentials, or {@code null} for none
	 * @return {@code fixed-token} or {@code default}
	 */
	static String anonymous(@Nullable DingTalkCredentials credentials) {
		return (credentials instanceof DingTalkCredentials.FixedToken) ? "fixed-token" : "default";
	}

	/**
	 * The identity of the suite a suite ticket belongs to.
	 * @param credentials the configured credentials, or {@code null} for none
	 * @param baseUrl the DingTalk API's base URL
	 * @return the identity, or {@code default} for other credentials
	 */
	static String ofSuite(@Nullable DingTalkCredentials credentials, String baseUrl) {
		return (credentials instanceof DingTalkCredentials.ThirdPartyApp app) ? suite(app.suiteKey()) + at(baseUrl)
				: "default";
	}

	private static String suite(String suiteKey) {
		return "suite:" + suiteKey;
	}

	private static String at(String baseUrl) {
		URI uri = URI.create(baseUrl);
		String host = (uri.getHost() != null) ? uri.getHost().toLowerCase(Locale.ROOT) : baseUrl;
		if (PRODUCTION_HOSTS.contains(host) && uri.getPort() == -1) {
			return "";
		}
		return "@" + host + ((uri.getPort() != -1) ? ":" + uri.getPort() : "");
	}

	/**
	 * The configured credentials, if any.
	 * @param connectionDetails where the credentials come from
	 * @param properties the properties, for credentials the details leave to them
	 * @return the credentials, or {@code null} when none (or no valid ones) are
	 * configured
	 */
	static @Nullable DingTalkCredentials credentials(DingTalkConnectionDetails connectionDetails,
			DingTalkProperties properties) {
		try {
			return CredentialsResolver.of(connectionDetails, properties);
		}
		catch (DingTalkCredentialsException ex) {
			// reported where the access token supplier is made, if it is ours
			return null;
		}
	}

}
