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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;

import io.github.dingtalkboot.core.internal.DingTalkHttpClient;

import org.springframework.context.SmartLifecycle;

/**
 * Closes the DingTalk client when the application context closes: running watches end at
 * once, calls in flight may finish within {@code dingtalk.shutdown.grace-period}, then
 * the client's pool and event loops are released. Stops asynchronously, so Spring's
 * {@code spring.lifecycle.timeout-per-shutdown-phase} bounds it as it bounds every phase.
 * <p>
 * Stops in a phase after the web server's graceful shutdown and stop, so requests of the
 * application that are still being answered can use DingTalk until the web server is done
 * with them.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkClientLifecycle implements SmartLifecycle {

	/**
	 * After the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and stop
	 * ({@code - 2048}).
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final DingTalkHttpClient client;

	private final Duration gracePeriod;

	private volatile boolean running;

	DingTalkClientLifecycle(DingTalkHttpClient client, Duration gracePeriod) {
		this.client = client;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public void start() {
		this.running = !this.client.isClosed();
	}

	@Override
	public void stop() {
		this.client.close();
		this.running = false;
	}

	@Override
	public void stop(Runnable callback) {
		LifecycleStop.inBackground("the DingTalk client (grace period " + this.gracePeriod + ")",
				this.client.shutdown(this.gracePeriod), () -> {
					this.running = false;
					callback.run();
				});
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
