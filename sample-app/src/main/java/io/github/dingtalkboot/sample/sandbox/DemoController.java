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

import java.util.List;
import java.util.Map;

import io.github.dingtalkboot.sample.TaskService;
import io.github.dingtalkboot.test.DingTalkSandbox;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts demo bulk operations in the sandbox (there is no such endpoint against the real
 * DingTalk), only while the sandbox runs.
 *
 * @author dingtalk-spring-boot maintainers
 */
@RestController
@Conditional(SandboxCondition.class)
class DemoController {

	private final DingTalkSandbox sandbox;

	private final DemoTasks demoTasks;

	private final TaskService tasks;

	DemoController(DingTalkSandbox sandbox, DemoTasks demoTasks, TaskService tasks) {
		this.sandbox = sandbox;
		this.demoTasks = demoTasks;
		this.tasks = tasks;
	}

	/*
	 * The corps that authorise the sandbox's suite now, the default one first.
	 */
	@GetMapping("/api/demo/corps")
	List<String> corps() {
		return this.sandbox.authorizedCorps();
	}

	/*
	 * A corp authorises the suite again, or withdraws: the sandbox pushes it to the
	 * application's callback, as DingTalk does.
	 */
	@PostMapping("/api/demo/corps/{corp}/{change:authorize|withdraw}")
	Mono<ResponseEntity<Map<String, String>>> authorization(@PathVariable String corp, @PathVariable String change) {
		if (!DingTalkSandbox.CORPS.contains(corp)) {
			return Mono.just(ResponseEntity.badRequest().body(Map.of("error", "no such corp in the sandbox")));
		}
		// the push comes back to this application's own server: not on its event loop
		return Mono.fromRunnable(() -> {
			if (change.equals("authorize")) {
				this.sandbox.authorize(corp);
			}
			else {
				this.sandbox.withdraw(corp);
			}
		})
			.subscribeOn(Schedulers.boundedElastic())
			.thenReturn(ResponseEntity.ok(Map.of("corpId", corp, "change", change)));
	}

	/*
	 * Start a demo task of a corp (the default one unless named), tracked for that corp
	 * so that a notice shows when it ends.
	 */
	@PostMapping("/api/demo/tasks")
	Mono<ResponseEntity<Map<String, String>>> start(@RequestParam(required = false) @Nullable String corp) {
		String corpId = (corp != null) ? corp : DingTalkSandbox.CORPS.get(0);
		if (!this.sandbox.authorizedCorps().contains(corpId)) {
			return Mono.just(ResponseEntity.badRequest()
				.body(Map.of("error", "no corp of the sandbox that authorises the suite")));
		}
		String taskId = this.demoTasks.startDemoTask(corpId);
		return this.tasks.noticeWhenDone(corpId, taskId, "the demo page")
			.thenReturn(ResponseEntity.ok(Map.of("taskId", taskId, "corpId", corpId)));
	}

}
