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

package io.github.dingtalkboot.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The corps that authorised or withdrew the suite, as DingTalk pushed it to the starter's
 * callback endpoint, for the page. The starter has already forgotten a withdrawn corp's
 * token when the event comes; this only shows it.
 *
 * @author dingtalk-spring-boot maintainers
 */
@Component
public class CorpAuthorizations {

	private static final int KEPT = 50;

	private final List<Change> changes = new ArrayList<>();

	@EventListener
	void changed(DingTalkAuthorizationEvent event) {
		synchronized (this.changes) {
			this.changes.add(0,
					new Change(event.getCorpId(), event.getChange().name(), event.getType(), Instant.now()));
			if (this.changes.size() > KEPT) {
				this.changes.remove(KEPT);
			}
		}
	}

	/**
	 * The latest changes, newest first.
	 * @return the changes
	 */
	public List<Change> latest() {
		synchronized (this.changes) {
			return List.copyOf(this.changes);
		}
	}

	/**
	 * A corp's authorisation changed.
	 *
	 * @param corpId the corp
	 * @param change AUTHORIZED, CHANGED or WITHDRAWN
	 * @param type DingTalk's event type
	 * @param at when the push came
	 */
	public record Change(String corpId, String change, String type, Instant at) {
	}

}
