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

/**
 * A corp authorised the application's suite, changed what it authorised, or withdrew its
 * authorisation, as DingTalk pushed it to the callback: {@code tmp_auth_code} and
 * {@code org_suite_auth} ({@link Change#AUTHORIZED}), {@code change_auth} and
 * {@code org_suite_change} ({@link Change#CHANGED}), {@code suite_relieve} and
 * {@code org_suite_relieve} ({@link Change#WITHDRAWN}). Published before the
 * {@link DingTalkCallbackEvent} of the same push. When a corp withdraws, the starter has
 * already forgotten its access token; its tracked tasks end with
 * {@code StorageTaskTrackingFailedEvent.Reason.UNAUTHORIZED} at their next poll.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkAuthorizationEvent {

	private final String corpId;

	private final String type;

	private final Change change;

	/**
	 * Create an event.
	 * @param corpId the corp
	 * @param type the type of the event, e.g. {@code suite_relieve}
	 * @param change what changed
	 */
	public DingTalkAuthorizationEvent(String corpId, String type, Change change) {
		this.corpId = corpId;
		this.type = type;
		this.change = change;
	}

	/**
	 * The corp whose authorisation changed.
	 * @return its id
	 */
	public String getCorpId() {
		return this.corpId;
	}

	/**
	 * DingTalk's type of the event.
	 * @return e.g. {@code tmp_auth_code} or {@code org_suite_relieve}
	 */
	public String getType() {
		return this.type;
	}

	/**
	 * What changed.
	 * @return the change
	 */
	public Change getChange() {
		return this.change;
	}

	@Override
	public String toString() {
		return "DingTalkAuthorizationEvent[corpId=" + this.corpId + ", type=" + this.type + ", change=" + this.change
				+ "]";
	}

	/**
	 * What a corp did with its authorisation.
	 */
	public enum Change {

		/**
		 * It authorised the suite (installed the app).
		 */
		AUTHORIZED,

		/**
		 * It changed what it authorised (for instance the visible part of its directory).
		 */
		CHANGED,

		/**
		 * It withdrew its authorisation (removed the app).
		 */
		WITHDRAWN

	}

}
