package io.github.dingtalkboot.test.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTaskOperations;

import org.springframework.stereotype.Service;

/**
 * A user's service: when a bulk move ends, the user gets a notice.
 */
@Service
public class BulkMoveNotices {

	private final StorageTaskOperations tasks;

	private final List<String> sent = new CopyOnWriteArrayList<>();

	public BulkMoveNotices(StorageTaskOperations tasks) {
		this.tasks = tasks;
	}

	public Mono<Void> noticeWhenDone(String taskId) {
		return this.tasks.awaitTask(taskId, "operator", Duration.ofMinutes(1))
			.doOnNext((task) -> this.sent.add(taskId + " ended " + task.status() + ": " + task.successCount() + " of "
					+ task.totalCount() + " moved"))
			.then();
	}

	public List<String> sent() {
		return this.sent;
	}

}
