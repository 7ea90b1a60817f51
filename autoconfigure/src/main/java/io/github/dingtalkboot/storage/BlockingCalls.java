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

package io.github.dingtalkboot.storage;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.dingtalkboot.core.DingTalkException;
import io.github.dingtalkboot.core.DingTalkTransportException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The calls of {@link BlockingStorageTaskOperations#of}: each waits for
 * {@link StorageTaskOperations} with a bound, on a thread that may block.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class BlockingCalls {

	private final StorageTaskOperations operations;

	private final Duration callTimeout;

	private final Duration defaultAwaitTimeout;

	BlockingCalls(StorageTaskOperations operations, Duration callTimeout, Duration defaultAwaitTimeout) {
		if (callTimeout.isNegative() || callTimeout.isZero()) {
			throw new IllegalArgumentException("callTimeout must be positive");
		}
		this.operations = operations;
		this.callTimeout = callTimeout;
		this.defaultAwaitTimeout = defaultAwaitTimeout;
	}

	BlockingCalls forCorp(String corpId) {
		return new BlockingCalls(this.operations.forCorp(corpId), this.callTimeout, this.defaultAwaitTimeout);
	}

	StorageTask getTask(String taskId, String unionId) {
		return await(this.operations.getTask(taskId, unionId), this.callTimeout, "getTask");
	}

	StorageTask getTask(String taskId) {
		return await(this.operations.getTask(taskId), this.callTimeout, "getTask");
	}

	StorageTask awaitTask(String taskId, String unionId, Duration timeout) {
		// the reactive call times out by itself; the bound here only guards against a
		// call that never ends
		Duration bound = (timeout != null && !timeout.isNegative() && !timeout.isZero())
				? timeout.plus(this.callTimeout) : this.callTimeout;
		return await(this.operations.awaitTask(taskId, unionId, timeout), bound, "awaitTask");
	}

	StorageTask awaitTask(String taskId) {
		return await(this.operations.awaitTask(taskId), this.defaultAwaitTimeout.plus(this.callTimeout), "awaitTask");
	}

	private static void checkMayBlock(String method) {
		if (Schedulers.isInNonBlockingThread()) {
			throw new IllegalStateException("BlockingStorageTaskOperations." + method + " was called on thread "
					+ Thread.currentThread().getName() + ", which must not block; use StorageTaskOperations there");
		}
	}

	// the call is only assembled when this runs: nothing is sent before the thread check
	private static StorageTask await(Mono<StorageTask> call, Duration bound, String method) {
		checkMayBlock(method);
		CompletableFuture<StorageTask> result = call.toFuture();
		try {
			return result.get(bound.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw rethrow(Objects.requireNonNullElse(ex.getCause(), ex), method);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new DingTalkTransportException(method + " got no answer from DingTalk within " + bound, ex);
		}
		catch (InterruptedException ex) {
			result.cancel(true);
			Thread.currentThread().interrupt();
			throw new DingTalkException(method + " was interrupted while waiting for DingTalk", ex);
		}
	}

	private static RuntimeException rethrow(Throwable failure, String method) {
		if (failure instanceof RuntimeException runtime) {
			// the exception belongs to this call alone: record where the caller blocked,
			// as Reactor's block() does
			runtime.addSuppressed(new Exception("BlockingStorageTaskOperations." + method + " blocked here"));
			return runtime;
		}
		return new DingTalkException(method + " failed: " + failure, failure);
	}

}
