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

package io.github.dingtalkboot.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A user's listener for corps authorising and withdrawing.
 */
@Component
public class CorpChanges {

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@EventListener
	void changed(DingTalkAuthorizationEvent event) {
		this.changes.add(event.getCorpId() + " " + event.getChange());
	}

	public List<String> changes() {
		return this.changes;
	}

}
