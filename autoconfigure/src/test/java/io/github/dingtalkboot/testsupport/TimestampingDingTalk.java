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
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.task;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;

/**
 * A fake DingTalk shared by several instances of an application: it time-stamps every
 * storage request it receives, issues access tokens {@code tok-1}, {@code tok-2}, … (a
 * new one only after {@link #rotateToken()}), rejects the tokens it is told to, and
 * answers a QPS-limit 403 to the next request of one operator when asked.
 */
public final class TimestampingDingTalk implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final List<Long> storageRequests = new CopyOnWriteArrayList<>();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private final Set<String> rejectedTokens = ConcurrentHashMap.newKeySet();

	private final Set<String> throttleNext = ConcurrentHashMap.newKeySet();

	private final AtomicInteger tokenGeneration = new AtomicInteger(1);

	public TimestampingDingTalk() throws IOException {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}

		});
		this.server.start();
	}

	private MockResponse answer(RecordedRequest request) {
		String target = request.getTarget();
		if (target != null && target.startsWith("/v1.0/oauth2/")) {
			this.tokenRequests.add(request.getBody().utf8());
			return token("tok-" + this.tokenGeneration.get(), 7200);
		}
		this.storageRequests.add(System.nanoTime());
		String sent = request.getHeaders().get("x-acs-dingtalk-access-token");
		if (sent == null || this.rejectedTokens.contains(sent)) {
			return error(400, "InvalidAuthentication", "token invalid");
		}
		for (String unionId : this.throttleNext) {
			if (target != null && target.endsWith("unionId=" + unionId) && this.throttleNext.remove(unionId)) {
				return error(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi", "qps limit");
			}
		}
		return task("RUNNING", 10, 1);
	}

	public String baseUrl() {
		return DingTalkTestClients.baseUrl(this.server);
	}

	/** The next token fetch gets a new token. */
	public void rotateToken() {
		this.tokenGeneration.incrementAndGet();
	}

	public void reject(String token) {
		this.rejectedTokens.add(token);
	}

	/** The next storage request of this operator gets a QPS-limit 403. */
	public void throttleNextRequestOf(String unionId) {
		this.throttleNext.add(unionId);
	}

	public List<String> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	public int storageRequestCount() {
		return this.storageRequests.size();
	}

	/**
	 * The most storage requests received in any sliding second.
	 * @return the count
	 */
	public int maxStorageRequestsInAnySecond() {
		return SlidingSecond.most(this.storageRequests);
	}

	public List<Long> storageRequestMillis() {
		List<Long> times = new ArrayList<>(this.storageRequests);
		Collections.sort(times);
		long first = times.isEmpty() ? 0 : times.get(0);
		return times.stream().map((time) -> (time - first) / 1_000_000).toList();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
