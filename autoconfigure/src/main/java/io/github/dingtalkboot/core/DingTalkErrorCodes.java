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

package io.github.dingtalkboot.core;

import java.util.Set;

/**
 * The error codes DingTalk documents for the APIs this client calls, and how they are
 * classified.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public final class DingTalkErrorCodes {

	/** An invalid or expired access token (HTTP 400). */
	public static final String INVALID_AUTHENTICATION = "InvalidAuthentication";

	/** Prefix of the codes for a missing or unusable token header (HTTP 400). */
	public static final String AUTHENTICATION_FAILED_PREFIX = "AuthenticationFailed.";

	/** Per-app, per-API QPS limit (HTTP 403). */
	public static final String QPS_LIMIT_APP = "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi";

	/** Global per-API QPS limit (HTTP 403). */
	public static final String QPS_LIMIT_API = "Forbidden.AccessDenied.QpsLimitForApi";

	/** The organisation's monthly quota (HTTP 403): retrying does not help. */
	public static final String QUOTA_LIMIT = "Forbidden.AccessDenied.ApiCountLimitForOrg";

	/**
	 * Not DingTalk's: the client's own rate limiter refused a call whose slot would come
	 * later than its longest wait (a setting of the limiter); nothing was sent.
	 */
	public static final String CLIENT_RATE_LIMIT_WAIT = "Client.RateLimit.MaxWaitExceeded";

	/**
	 * The corp access token endpoint refuses a corp's token: the corp withdrew its
	 * authorisation of the third-party app (HTTP 400).
	 */
	public static final String AUTHORIZATION_WITHDRAWN = "invalidAuthInfo";

	/** The storage task does not exist (HTTP 404). */
	public static final String TASK_NOT_EXIST = "taskNotExist";

	/**
	 * Every code DingTalk documents for the APIs this client calls: a bounded set, safe
	 * as a metric tag.
	 */
	public static final Set<String> DOCUMENTED = Set.of("paramError", "paramError.taskId", TASK_NOT_EXIST,
			"systemError", "unknownError", "operationTimeout", INVALID_AUTHENTICATION,
			"AuthenticationFailed.MissingParameter", "Forbidden.AccessDenied.AccessTokenPermissionDenied",
			QPS_LIMIT_APP, QPS_LIMIT_API, QUOTA_LIMIT, "invalidClientIdOrSecret", "invalidSuiteKey",
			"invalidSuiteTicket", AUTHORIZATION_WITHDRAWN);

	private DingTalkErrorCodes() {
	}

}
