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

package io.github.dingtalkboot.benchmarks;

import java.time.Duration;
import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskTracker;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * {@link TrackingBenchmark}'s tasks followed by the {@link StorageTaskTracker}: a task is
 * seen ended when its completion event is published. Loaded by name, so the benchmark
 * also runs against a version without the tracker.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TrackerWay implements TrackingBenchmark.Way {

	@Override
	public void start(ConfigurableApplicationContext context, Consumer<String> seen) {
		context.addApplicationListener((ApplicationListener<ApplicationEvent>) (event) -> {
			if (event instanceof PayloadApplicationEvent<?> payload
					&& payload.getPayload() instanceof StorageTaskCompletedEvent completed) {
				seen.accept(completed.getTrackedTask().taskId());
			}
		});
	}

	@Override
	public void follow(ConfigurableApplicationContext context, String taskId) {
		context.getBean(StorageTaskTracker.class).track(taskId).block(Duration.ofSeconds(30));
	}

}
