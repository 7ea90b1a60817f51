package io.github.dingtalkboot.testsupport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;

/**
 * Storage task operations whose calls never end: for what a caller does when nothing
 * answers.
 */
public final class NeverEndingStorageTaskOperations implements StorageTaskOperations {

	private final AtomicInteger cancelled = new AtomicInteger();

	/** How many calls were cancelled. */
	public int cancelled() {
		return this.cancelled.get();
	}

	private <T> Mono<T> never() {
		return Mono.<T>never().doOnCancel(this.cancelled::incrementAndGet);
	}

	private <T> Flux<T> neverMany() {
		return Flux.<T>never().doOnCancel(this.cancelled::incrementAndGet);
	}

	@Override
	public Mono<StorageTask> getTask(String taskId, String unionId) {
		return never();
	}

	@Override
	public Mono<StorageTask> getTask(String taskId) {
		return never();
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId, String unionId) {
		return neverMany();
	}

	@Override
	public Flux<StorageTask> watchTask(String taskId) {
		return neverMany();
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId, String unionId, Duration timeout) {
		return never();
	}

	@Override
	public Mono<StorageTask> awaitTask(String taskId) {
		return never();
	}

}
