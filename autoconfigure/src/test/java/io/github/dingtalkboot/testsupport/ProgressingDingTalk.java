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

package io.github.dingtalkboot.testsupport;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.json;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;

/**
 * A fake DingTalk whose storage tasks run for known durations from when they are created,
 * moving their subtasks linearly, then succeed; a task it was not told about does not
 * exist ({@code taskNotExist}). Counts the polls of each task.
 */
public final class ProgressingDingTalk implements AutoCloseable {

	private static final Pattern TASK = Pattern.compile("/v1\\.0/storage/tasks/([^?]+)\\?.*");

	private final MockWebServer server = new MockWebServer();

	private final Map<String, Task> tasks = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> polls = new ConcurrentHashMap<>();

	public ProgressingDingTalk() throws IOException {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}

		});
		this.server.start();
	}

	/** A task that starts now, moves {@code total} subtasks evenly and succeeds. */
	public ProgressingDingTalk task(String taskId, Duration duration, long total) {
		this.tasks.put(taskId, new Task(Instant.now(), duration, total));
		return this;
	}

	/** How often a task was polled. */
	public int polls(String taskId) {
		AtomicInteger count = this.polls.get(taskId);
		return (count != null) ? count.get() : 0;
	}

	/** How many polls of any task arrived. */
	public int polls() {
		return this.polls.values().stream().mapToInt(AtomicInteger::get).sum();
	}

	public String baseUrl() {
		return DingTalkTestClients.baseUrl(this.server);
	}

	private MockResponse answer(RecordedRequest request) {
		String target = String.valueOf(request.getTarget());
		if (target.startsWith("/v1.0/oauth2/")) {
			return token("tok-1", 7200);
		}
		Matcher matcher = TASK.matcher(target);
		if (!matcher.matches()) {
			return error(404, "NotFound", "no such API");
		}
		String taskId = matcher.group(1);
		this.polls.computeIfAbsent(taskId, (id) -> new AtomicInteger()).incrementAndGet();
		Task task = this.tasks.get(taskId);
		return (task != null) ? task.answer(taskId, Instant.now()) : error(400, "taskNotExist", "task not exist");
	}

	@Override
	public void close() {
		this.server.close();
	}

	private record Task(Instant begin, Duration duration, long total) {

		MockResponse answer(String taskId, Instant now) {
			Duration elapsed = Duration.between(this.begin, now);
			boolean done = elapsed.compareTo(this.duration) >= 0;
			long success = done ? this.total : this.total * elapsed.toMillis() / Math.max(1, this.duration.toMillis());
			String end = done ? "\"" + this.begin.plus(this.duration) + "\"" : "null";
			return json(200,
					"{\"task\":{\"id\":\"" + taskId + "\",\"status\":\"" + (done ? "SUCCESS" : "IN_PROGRESS")
							+ "\",\"totalCount\":" + this.total + ",\"successCount\":" + success
							+ ",\"failCount\":0,\"beginTime\":\"" + this.begin + "\",\"endTime\":" + end + "}}");
		}

	}

}
