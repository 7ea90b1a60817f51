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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import static io.github.dingtalkboot.testsupport.DingTalkResponses.error;
import static io.github.dingtalkboot.testsupport.DingTalkResponses.token;

/**
 * A fake DingTalk for a third-party app serving many corps: each corp access token
 * request gets a new token naming its corp ({@code tok-<corp>-<n>}), as DingTalk gives a
 * new one at every request; a corp that withdrew its authorisation is refused
 * ({@code invalidAuthInfo}); a storage task belongs to one corp and a token of another
 * corp is rejected ({@code InvalidAuthentication}).
 */
public final class CorpsDingTalk implements AutoCloseable {

	private static final Pattern CORP = Pattern.compile("\"authCorpId\"\\s*:\\s*\"([^\"]*)\"");

	private static final Pattern TASK = Pattern.compile("/v1\\.0/storage/tasks/([^?]+)\\?.*");

	private final MockWebServer server = new MockWebServer();

	private final Map<String, AtomicInteger> tokensIssued = new ConcurrentHashMap<>();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();

	private final Map<String, String> taskCorps = new ConcurrentHashMap<>();

	private final List<String> storageTokens = new CopyOnWriteArrayList<>();

	private final Set<String> quotaUsedUp = ConcurrentHashMap.newKeySet();

	private final Set<String> ended = ConcurrentHashMap.newKeySet();

	private volatile Duration tokenDelay = Duration.ZERO;

	public CorpsDingTalk() throws IOException {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return answer(request);
			}

		});
		this.server.start();
	}

	public String baseUrl() {
		return DingTalkTestClients.baseUrl(this.server);
	}

	/**
	 * Token answers come this late, so that concurrent callers find a fetch under way.
	 */
	public CorpsDingTalk tokenDelay(Duration delay) {
		this.tokenDelay = delay;
		return this;
	}

	/** The corp withdrew its authorisation of the app. */
	public CorpsDingTalk withdraw(String corpId) {
		this.withdrawn.add(corpId);
		return this;
	}

	/** A running storage task of a corp. */
	public CorpsDingTalk task(String taskId, String corpId) {
		this.taskCorps.put(taskId, corpId);
		return this;
	}

	/** The corp's API quota is used up: its storage calls are refused. */
	public CorpsDingTalk quotaUsedUp(String corpId) {
		this.quotaUsedUp.add(corpId);
		return this;
	}

	/** The task succeeded. */
	public CorpsDingTalk end(String taskId) {
		this.ended.add(taskId);
		return this;
	}

	/** The corp of every corp access token request, in arrival order. */
	public List<String> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	/** The token of every storage request, in arrival order. */
	public List<String> storageTokens() {
		return List.copyOf(this.storageTokens);
	}

	private MockResponse answer(RecordedRequest request) {
		String target = String.valueOf(request.getTarget());
		if (target.startsWith("/v1.0/oauth2/corpAccessToken")) {
			Matcher corp = CORP.matcher(request.getBody().utf8());
			String corpId = corp.find() ? corp.group(1) : "";
			this.tokenRequests.add(corpId);
			sleep(this.tokenDelay);
			if (this.withdrawn.contains(corpId)) {
				return error(400, "invalidAuthInfo", "corp authorisation withdrawn");
			}
			int n = this.tokensIssued.computeIfAbsent(corpId, (id) -> new AtomicInteger()).incrementAndGet();
			return token("tok-" + corpId + "-" + n, 7200);
		}
		Matcher matcher = TASK.matcher(target);
		if (!matcher.matches()) {
			return error(404, "NotFound", "no such API");
		}
		String token = String.valueOf(request.getHeaders().get("x-acs-dingtalk-access-token"));
		this.storageTokens.add(token);
		String corpId = this.taskCorps.get(matcher.group(1));
		if (corpId == null) {
			return error(404, "taskNotExist", "task not exist");
		}
		if (!token.startsWith("tok-" + corpId + "-")) {
			return error(400, "InvalidAuthentication", "token of another corp");
		}
		if (this.quotaUsedUp.contains(corpId)) {
			return error(403, "Forbidden.AccessDenied.ApiCountLimitForOrg", "quota used up");
		}
		return this.ended.contains(matcher.group(1)) ? DingTalkResponses.task("SUCCESS", 10, 10)
				: DingTalkResponses.task("IN_PROGRESS", 10, 3);
	}

	private static void sleep(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
