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

package io.github.dingtalkboot.sample.sandbox;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.github.dingtalkboot.test.DingTalkSandbox;
import io.github.dingtalkboot.test.SandboxTask;

/**
 * The demo page's bulk operations, scripted on the {@link DingTalkSandbox}: 5 to 40
 * items, a tenth of their time in INIT, some moving in lumps, a quarter failing because
 * files are locked, each lasting between half and one and a half times the configured
 * duration.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class DemoTasks {

	private final DingTalkSandbox sandbox;

	private final Duration taskDuration;

	DemoTasks(DingTalkSandbox sandbox, Duration taskDuration) {
		this.sandbox = sandbox;
		this.taskDuration = taskDuration;
	}

	/**
	 * Start a demo bulk operation of the default corp.
	 * @return the new task's id
	 */
	public String startDemoTask() {
		return startDemoTask(DingTalkSandbox.CORPS.get(0));
	}

	/**
	 * Start a demo bulk operation of a corp, as a bulk move would.
	 * @param corpId one of {@link DingTalkSandbox#CORPS}
	 * @return the new task's id
	 */
	public String startDemoTask(String corpId) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String id = "demo-" + UUID.randomUUID().toString().substring(0, 8);
		int total = random.nextInt(5, 40);
		Duration duration = Duration.ofMillis((long) (this.taskDuration.toMillis() * random.nextDouble(0.5, 1.5)));
		SandboxTask task = this.sandbox.task(id)
			.forCorp(corpId)
			.subtasks(total)
			.initFor(duration.dividedBy(10))
			.endsAfter(duration);
		if (random.nextInt(3) == 0) {
			task.lumpy();
		}
		if (random.nextDouble() < 0.25) {
			task.failsWith(Math.max(1, total / 3) + " files are locked by another operation");
		}
		else {
			task.succeeds();
		}
		return id;
	}

}
