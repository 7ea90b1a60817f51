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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The notices shown on the page when tracked tasks end, from the tracker's events. Events
 * may come twice (delivery is at least once): keyed by task id, a second one replaces the
 * first instead of adding a notice.
 *
 * @author dingtalk-spring-boot maintainers
 */
@Component
public class CompletionNotices {

	private static final int KEPT = 50;

	private final Map<String, Notice> notices = new LinkedHashMap<>();

	@EventListener
	void completed(StorageTaskCompletedEvent event) {
		add(new Notice(event.getTrackedTask().taskId(), event.getTrackedTask().corpId(),
				event.getTask().status().name(), event.getTrackedTask().attributes().get("startedBy"),
				event.getTask().failMessage(), Instant.now()));
	}

	@EventListener
	void trackingFailed(StorageTaskTrackingFailedEvent event) {
		add(new Notice(event.getTrackedTask().taskId(), event.getTrackedTask().corpId(), event.getReason().name(),
				event.getTrackedTask().attributes().get("startedBy"), null, Instant.now()));
	}

	/**
	 * The latest notices, newest first.
	 * @return the notices
	 */
	public synchronized List<Notice> latest() {
		List<Notice> latest = new ArrayList<>(this.notices.values());
		Collections.reverse(latest);
		return latest;
	}

	private synchronized void add(Notice notice) {
		this.notices.remove(notice.taskId());
		this.notices.put(notice.taskId(), notice);
		if (this.notices.size() > KEPT) {
			this.notices.remove(this.notices.keySet().iterator().next());
		}
	}

	/**
	 * A task ended.
	 *
	 * @param taskId the task id
	 * @param corpId the corp the task was tracked for, or {@code null}
	 * @param outcome SUCCESS or FAIL, or why tracking failed
	 * @param startedBy who started it, as given when it was tracked
	 * @param message DingTalk's failure message, if any
	 * @param at when the event came
	 */
	public record Notice(String taskId, String corpId, String outcome, String startedBy, String message, Instant at) {
	}

}
