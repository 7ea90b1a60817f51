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

package io.github.dingtalkboot.callback.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent.Change;
import org.jspecify.annotations.Nullable;

/**
 * One event of a verified push.
 *
 * @param type DingTalk's type of it
 * @param corpId the corp it names, if any
 * @param eventId DingTalk's id of it, if any
 * @param content what DingTalk sent, objects as maps
 * @author dingtalk-spring-boot maintainers
 */
record Push(String type, @Nullable String corpId, @Nullable String eventId, Map<String, Object> content) {

	/** The probes DingTalk sends when the callback URL is registered or changed. */
	private static final Set<String> URL_CHECKS = Set.of("check_url", "check_create_suite_url",
			"check_update_suite_url");

	/** The types counted under their own name; any other is counted as {@code other}. */
	private static final Set<String> COUNTED = Set.of("check_url", "check_create_suite_url", "check_update_suite_url",
			"suite_ticket", "tmp_auth_code", "change_auth", "suite_relieve", "org_suite_auth", "org_suite_change",
			"org_suite_relieve", "org_micro_app_restore", "org_micro_app_stop", "org_micro_app_remove", "user_add_org",
			"user_modify_org", "user_leave_org", "org_dept_create", "org_dept_modify", "org_dept_remove", "org_remove",
			"org_change", "bpms_task_change", "bpms_instance_change");

	boolean isUrlCheck() {
		return URL_CHECKS.contains(this.type);
	}

	String metricType() {
		String lower = this.type.toLowerCase(Locale.ROOT);
		return COUNTED.contains(lower) ? lower : "other";
	}

	@Nullable Change change() {
		return switch (this.type.toLowerCase(Locale.ROOT)) {
			case "tmp_auth_code", "org_suite_auth" -> Change.AUTHORIZED;
			case "change_auth", "org_suite_change" -> Change.CHANGED;
			case "suite_relieve", "org_suite_relieve" -> Change.WITHDRAWN;
			default -> null;
		};
	}

	/**
	 * The suite ticket of a {@code suite_ticket} event: {@code SuiteTicket} in the older
	 * form, {@code biz_data.suiteTicket} in an entry of a {@code SYNC_HTTP_PUSH_HIGH}.
	 * @return the ticket, or {@code null}
	 */
	@Nullable String suiteTicket() {
		if (!"suite_ticket".equalsIgnoreCase(this.type)) {
			return null;
		}
		Object ticket = this.content.get("SuiteTicket");
		if (ticket == null && this.content.get("biz_data") instanceof Map<?, ?> bizData) {
			ticket = bizData.get("suiteTicket");
		}
		return (ticket instanceof String text && !text.isBlank()) ? text : null;
	}

	@Override
	public String toString() {
		return "Push[type=" + this.type + ", corpId=" + this.corpId + ", eventId=" + this.eventId + "]";
	}

}
