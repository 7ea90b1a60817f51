package io.github.dingtalkboot.sample;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkServerException;
import io.github.dingtalkboot.core.DingTalkThrottledException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskNotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST access to storage tasks, with DingTalk's failures turned into RFC 9457 problem details.
 */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

	private final TaskService tasks;

	TaskController(TaskService tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/{taskId}")
	Mono<StorageTask> task(@PathVariable String taskId) {
		return this.tasks.currentState(taskId);
	}

	@ExceptionHandler(StorageTaskNotFoundException.class)
	ProblemDetail notFound(StorageTaskNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "No such storage task", ex);
	}

	@ExceptionHandler(DingTalkException.class)
	ProblemDetail dingTalkFailed(DingTalkException ex) {
		boolean unavailable = ex instanceof DingTalkServerException || ex instanceof DingTalkThrottledException
				|| ex instanceof DingTalkTransportException;
		return problem(unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY, "DingTalk call failed", ex);
	}

	private static ProblemDetail problem(HttpStatus status, String title, DingTalkException ex) {
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
