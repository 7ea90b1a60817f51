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

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkClientClosedException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST and Server-Sent Events access to storage tasks, with DingTalk's failures turned
 * into RFC 9457 problem details. A third-party app names the corp of a task with
 * {@code ?corp=}; without it, the call goes to the default corp (or the internal app).
 *
 * @author dingtalk-spring-boot maintainers
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskService tasks;

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/{taskId}")
	Mono<StorageTask> task(@PathVariable String taskId, @RequestParam(required = false) @Nullable String corp) {
		return this.tasks.currentState(corp, taskId);
	}

	/*
	 * One {@code task} event per change, ending at the terminal state; a failure ends the
	 * stream with one {@code problem} event.
	 */
	@GetMapping(path = "/{taskId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> events(@PathVariable String taskId,
			@RequestParam(required = false) @Nullable String corp) {
		return this.tasks.progress(corp, taskId)
			.map((task) -> ServerSentEvent.<Object>builder(task).event("task").build())
			.onErrorResume(DingTalkException.class,
					(ex) -> Mono.just(ServerSentEvent.<Object>builder(toProblem(ex)).event("problem").build()));
	}

	@ExceptionHandler(DingTalkException.class)
	ProblemDetail dingTalkFailed(DingTalkException ex) {
		return toProblem(ex);
	}

	static ProblemDetail toProblem(DingTalkException ex) {
		HttpStatus status = HttpStatus.BAD_GATEWAY;
		String title = "DingTalk call failed";
		if (ex instanceof StorageTaskNotFoundException) {
			status = HttpStatus.NOT_FOUND;
			title = "No such storage task";
		}
		else if (ex instanceof DingTalkServerException || ex instanceof DingTalkThrottledException
				|| ex instanceof DingTalkTransportException || ex instanceof DingTalkClientClosedException) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			title = "DingTalk is unavailable";
		}
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(title);
		problem.setProperty("attempts", ex.getAttempts());
		if (ex instanceof DingTalkApiException api) {
			problem.setProperty("dingtalkStatus", api.getStatusCode());
			problem.setProperty("dingtalkCode", api.getErrorCode());
			problem.setProperty("dingtalkRequestId", api.getRequestId());
		}
		return problem;
	}

}
