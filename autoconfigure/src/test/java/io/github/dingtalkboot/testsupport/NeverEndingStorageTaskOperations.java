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

package io.github.dingtalkboot.testsupport;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

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
