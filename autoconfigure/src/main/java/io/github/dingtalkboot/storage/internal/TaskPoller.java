package io.github.dingtalkboot.storage.internal;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Polls one task on an adaptive schedule: the first poll at once, the next after the
 * initial interval, the interval growing while nothing changes (up to the maximum) and
 * back to the start after a change. Emits the first state and each change once; completes
 * after a terminal state. Holds no thread between polls: each wait is a timer.
 */
final class TaskPoller {

	private TaskPoller() {
	}

	static Flux<StorageTask> poll(Mono<StorageTask> poll, StorageTaskSettings settings) {
		return poll.map((task) -> new Poll(task, settings.initialPollInterval()))
			.expand((previous) -> previous.task().isTerminal() ? Mono.empty()
					: Mono.delay(previous.delay()).then(poll).map((task) -> previous.next(task, settings)))
			.map(Poll::task)
			.distinctUntilChanged(Progress::of);
	}

	/**
	 * What a change of a task is: its status or any of its counts.
	 */
	private record Progress(StorageTaskStatus status, @Nullable String rawStatus, long total, long success, long fail) {

		static Progress of(StorageTask task) {
			return new Progress(task.status(), task.rawStatus(), task.totalCount(), task.successCount(),
					task.failCount());
		}

	}

	/**
	 * One poll's answer and the delay before the next poll.
	 */
	private record Poll(StorageTask task, Duration delay) {

		Poll next(StorageTask answer, StorageTaskSettings settings) {
			boolean changed = !Progress.of(answer).equals(Progress.of(this.task));
			return new Poll(answer, settings.nextPollInterval(this.delay, changed));
		}

	}

}
