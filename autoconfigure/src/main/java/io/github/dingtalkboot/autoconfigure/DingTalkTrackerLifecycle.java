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

import io.github.dingtalkboot.storage.internal.TaskTracker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.context.SmartLifecycle;

/**
 * Starts the tracker's polling once the application context has refreshed (its listeners
 * exist then) and stops it before the client closes: polls end at once, deliveries under
 * way may finish within {@code dingtalk.shutdown.grace-period}, then the tasks' leases
 * are given up so that other instances take them over at once.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkTrackerLifecycle implements SmartLifecycle {

	/** Stops before the client ({@link DingTalkClientLifecycle#PHASE}) closes. */
	static final int PHASE = DingTalkClientLifecycle.PHASE + 1;

	private final @Nullable TaskTracker tracker;

	private final Duration gracePeriod;

	private volatile boolean running;

	/**
	 * Create the lifecycle of the starter's tracker.
	 * @param tracker the starter's tracker, or {@code null} when the application has its
	 * own, which it starts and stops itself
	 * @param gracePeriod how long deliveries may take at shutdown
	 */
	DingTalkTrackerLifecycle(@Nullable TaskTracker tracker, Duration gracePeriod) {
		this.tracker = tracker;
		this.gracePeriod = gracePeriod;
	}

	@Override
	public void start() {
		if (this.tracker != null) {
			this.tracker.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		stop(() -> {
		});
	}

	@Override
	public void stop(Runnable callback) {
		this.running = false;
		LifecycleStop.inBackground("the DingTalk tracker (grace period " + this.gracePeriod + ")",
				(this.tracker != null) ? this.tracker.stop(this.gracePeriod) : Mono.empty(), callback);
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
