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

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.autoconfigure.DefaultSettings;
import io.github.dingtalkboot.core.internal.DingTalkHttpClient;
import io.github.dingtalkboot.core.internal.HttpSettings;
import io.github.dingtalkboot.core.internal.RetrySettings;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link MockWebServer} standing in for DingTalk, and the DingTalk clients a test makes
 * against it: the server starts before each test; after it, every client made here is
 * closed, then the server. Register with {@code @RegisterExtension}.
 */
public final class DingTalkTestServer implements BeforeEachCallback, AfterEachCallback {

	private final MockWebServer server = new MockWebServer();

	private final List<DingTalkHttpClient> clients = new CopyOnWriteArrayList<>();

	@Override
	public void beforeEach(ExtensionContext context) throws Exception {
		this.server.start();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.clients.forEach(DingTalkHttpClient::close);
		this.clients.clear();
		this.server.close();
	}

	/** The server, to enqueue answers and read requests. */
	public MockWebServer server() {
		return this.server;
	}

	/**
	 * A client with retries as by default but millisecond delays, closed after the test.
	 */
	public DingTalkHttpClient http() {
		return http(DingTalkTestClients.fastRetries(), DefaultSettings.http());
	}

	/** A client with these settings, closed after the test. */
	public DingTalkHttpClient http(RetrySettings retry, HttpSettings settings) {
		return closedAfterEach(DingTalkTestClients.http(this.server, retry, settings));
	}

	/** Close a client made elsewhere after the test. */
	public DingTalkHttpClient closedAfterEach(DingTalkHttpClient client) {
		this.clients.add(client);
		return client;
	}

}
