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

package io.github.dingtalkboot.callback;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An event DingTalk pushed to the application's callback, verified and decrypted,
 * published as an application event for every event a push carries (DingTalk's URL checks
 * aside). A push in DingTalk's older form carries one event, its type the push's
 * {@code EventType}; a {@code SYNC_HTTP_PUSH_HIGH} or {@code SYNC_HTTP_PUSH_MEDIUM} push
 * carries one per entry of its {@code bizData}, its type the entry's {@code syncAction}.
 * <p>
 * Listeners run off the web server's threads, before DingTalk is answered: a listener
 * that throws makes the answer not-success, so DingTalk pushes the event again later. An
 * event is published again only when DingTalk pushes it again; one DingTalk pushes twice
 * is published once when it carries an event id.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkCallbackEvent {

	private final String type;

	private final @Nullable String corpId;

	private final @Nullable String eventId;

	private final Map<String, Object> content;

	/**
	 * Create an event.
	 * @param type the type of the event, e.g. {@code suite_ticket},
	 * {@code org_suite_auth} or {@code bpms_instance_change}
	 * @param corpId the corp the event is about, when it names one
	 * @param eventId the id of the event, when it has one
	 * @param content the event as DingTalk sent it (for an entry of a
	 * {@code SYNC_HTTP_PUSH_*} push: the entry, its {@code biz_data} read into a map)
	 */
	public DingTalkCallbackEvent(String type, @Nullable String corpId, @Nullable String eventId,
			Map<String, Object> content) {
		this.type = type;
		this.corpId = corpId;
		this.eventId = eventId;
		this.content = content;
	}

	/**
	 * DingTalk's type of the event.
	 * @return e.g. {@code suite_ticket}, {@code tmp_auth_code}, {@code org_suite_relieve}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * The corp the event is about.
	 * @return its id ({@code AuthCorpId}, {@code CorpId}, {@code corpId} or an entry's
	 * {@code corp_id}), or {@code null} when the event names none
	 */
	public @Nullable String getCorpId() {
		return this.corpId;
	}

	/**
	 * DingTalk's id of the event, by which it is deduplicated.
	 * @return the id, or {@code null} when the event has none
	 */
	public @Nullable String getEventId() {
		return this.eventId;
	}

	/**
	 * The event as DingTalk sent it: JSON objects as maps, arrays as lists. It may hold
	 * secrets (a suite ticket, an authorisation code): do not log it as it is.
	 * @return the content, unmodifiable
	 */
	public Map<String, Object> getContent() {
		return this.content;
	}

	@Override
	public String toString() {
		// the content may hold a suite ticket or an authorisation code
		return "DingTalkCallbackEvent[type=" + this.type + ", corpId=" + this.corpId + ", eventId=" + this.eventId
				+ "]";
	}

}
