package io.github.dingtalkboot.testsupport;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;

/**
 * Storage task operations whose calls never end: for what a caller does when nothing answers.
 */
public final class NeverEndingStorageTaskOperations implements StorageTaskOperations {

	@Override
	public Mono<StorageTask> getTask(String taskId, String unionId) {
		return Mono.never();
	}

	@Override
	public Mono<StorageTask> getTask(String taskId) {
		return Mono.never();
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId, String unionId) {
		return Flux.never();
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId) {
		return Flux.never();
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId, String unionId, Duration timeout) {
		return Mono.never();
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId) {
		return Mono.never();
	}

}
