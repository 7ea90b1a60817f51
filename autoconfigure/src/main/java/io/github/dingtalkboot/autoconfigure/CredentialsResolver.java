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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.dingtalkboot.auth.internal.CorpIds;
import org.jspecify.annotations.Nullable;

/**
 * The {@link DingTalkCredentials} the {@code dingtalk.*} properties configure, checked
 * for completeness and conflicts.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class CredentialsResolver {

	private static final String HOW = "Set dingtalk.app-key and dingtalk.app-secret (internal app), or "
			+ "dingtalk.suite-key and dingtalk.suite-secret (third-party enterprise app, with dingtalk.auth-corp-id "
			+ "for a default corp; its suite ticket comes from SuiteTicketStore.save or dingtalk.suite-ticket), or "
			+ "dingtalk.access-token (a fixed token), or declare your own AccessTokenSupplier bean.";

	private CredentialsResolver() {
	}

	/**
	 * The credentials of the connection details, or else those of the properties.
	 * @param connectionDetails the connection details
	 * @param properties the properties
	 * @return the credentials
	 * @throws DingTalkCredentialsException when the details have none and the properties'
	 * are missing, incomplete or conflicting
	 */
	static DingTalkCredentials of(DingTalkConnectionDetails connectionDetails, DingTalkProperties properties) {
		DingTalkCredentials credentials = connectionDetails.getCredentials();
		return (credentials != null) ? credentials : of(properties);
	}

	static DingTalkCredentials of(DingTalkProperties properties) {
		boolean fixed = isSet(properties.getAccessToken());
		boolean internal = isSet(properties.getAppKey()) || isSet(properties.getAppSecret());
		boolean suite = isSet(properties.getSuiteKey()) || isSet(properties.getSuiteSecret())
				|| isSet(properties.getAuthCorpId()) || isSet(properties.getSuiteTicket());
		List<String> kinds = new ArrayList<>();
		if (fixed) {
			kinds.add("dingtalk.access-token");
		}
		if (internal) {
			kinds.add("dingtalk.app-*");
		}
		if (suite) {
			kinds.add("dingtalk.suite-* / dingtalk.auth-corp-id");
		}
		if (kinds.size() > 1) {
			throw new DingTalkCredentialsException(
					"Conflicting credentials: " + String.join(", ", kinds) + " are all set, but only one kind may be.",
					kinds, "Keep one kind of credentials and remove the others: " + String.join(" or ", kinds) + ".");
		}
		if (fixed) {
			return DingTalkCredentials.fixedToken(value(properties.getAccessToken()));
		}
		if (internal) {
			List<String> missing = missing(new String[] { "dingtalk.app-key", properties.getAppKey() },
					new String[] { "dingtalk.app-secret", properties.getAppSecret() });
			requireNone(missing, "Incomplete internal-app credentials");
			return DingTalkCredentials.internalApp(value(properties.getAppKey()), value(properties.getAppSecret()));
		}
		if (suite) {
			List<String> missing = missing(new String[] { "dingtalk.suite-key", properties.getSuiteKey() },
					new String[] { "dingtalk.suite-secret", properties.getSuiteSecret() });
			requireNone(missing, "Incomplete third-party-app credentials");
			String authCorpId = properties.getAuthCorpId();
			IllegalArgumentException invalid = isSet(authCorpId) ? CorpIds.problem(authCorpId) : null;
			if (invalid != null) {
				throw new DingTalkCredentialsException("Invalid dingtalk.auth-corp-id: " + invalid.getMessage() + ".",
						List.of("dingtalk.auth-corp-id"),
						"Set dingtalk.auth-corp-id to the id of the corp calls without a corp are made for.");
			}
			return DingTalkCredentials.thirdPartyApp(value(properties.getSuiteKey()),
					value(properties.getSuiteSecret()), isSet(authCorpId) ? authCorpId : null);
		}
		throw new DingTalkCredentialsException("No DingTalk credentials are configured.",
				List.of("dingtalk.app-key", "dingtalk.app-secret", "dingtalk.suite-key", "dingtalk.suite-secret",
						"dingtalk.auth-corp-id", "dingtalk.suite-ticket", "dingtalk.access-token"),
				HOW);
	}

	private static String value(@Nullable String checked) {
		return Objects.requireNonNull(checked);
	}

	private static void requireNone(List<String> missing, String problem) {
		if (!missing.isEmpty()) {
			throw new DingTalkCredentialsException(problem + ": " + String.join(", ", missing) + " not set.", missing,
					"Set " + String.join(" and ", missing) + ".");
		}
	}

	private static List<String> missing(String[]... properties) {
		List<String> missing = new ArrayList<>();
		for (String[] property : properties) {
			if (!isSet(property[1])) {
				missing.add(property[0]);
			}
		}
		return missing;
	}

	static boolean isSet(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
