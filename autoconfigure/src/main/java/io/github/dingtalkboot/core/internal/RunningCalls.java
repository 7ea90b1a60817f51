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

package io.github.dingtalkboot.core.internal;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.dingtalkboot.core.DingTalkClientClosedException;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.publisher.Sinks;
import reactor.util.context.Context;

/**
 * The calls a {@link DingTalkHttpClient} is running, so that closing it ends every one of
 * them.
 * <p>
 * Closing is graceful: long-running calls (watches) end at once; single calls may finish
 * within a grace period and are ended when it is over; every call made after closing
 * began fails at once. Each call is ended by an error of its own
 * ({@link DingTalkClientClosedException}), which also cancels whatever it was waiting
 * for: a response, a retry back-off, a rate-limit slot or the delay before a watch's next
 * poll.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class RunningCalls {

	private final Set<GuardedSubscriber<?>> singleCalls = ConcurrentHashMap.newKeySet();

	private final Set<Stop> longRunningCalls = ConcurrentHashMap.newKeySet();

	private final Sinks.Empty<Void> drained = Sinks.empty();

	private volatile boolean closing;

	/**
	 * Run a call that ends by itself soon (one request and its retries).
	 * @param <T> the result type
	 * @param call the call
	 * @return the call, ended by {@link DingTalkClientClosedException} when the client
	 * closes
	 */
	<T> Mono<T> single(Mono<T> call) {
		return new Guarded<>(call, this);
	}

	/**
	 * Run a call that goes on until it is cancelled or its subject is done (a watch).
	 * @param <T> the element type
	 * @param call the call
	 * @return the call, ended by {@link DingTalkClientClosedException} as soon as the
	 * client closes
	 */
	<T> Flux<T> longRunning(Flux<T> call) {
		return Flux.defer(() -> {
			Stop stop = register(this.longRunningCalls);
			if (stop == null) {
				return Flux.error(ClosedClient.nothingSent());
			}
			Mono<Void> signal = stop.signal();
			return call.timeout(signal, (element) -> signal).doFinally((s) -> unregister(this.longRunningCalls, stop));
		});
	}

	/**
	 * Whether closing has begun.
	 * @return {@code true} once {@link #close(Duration)} was called
	 */
	boolean isClosing() {
		return this.closing;
	}

	/**
	 * Close: refuse new calls, end long-running calls now and single calls once they are
	 * done or the grace period is over.
	 * @param gracePeriod how long single calls may go on
	 * @return completes when every call has ended
	 */
	Mono<Void> close(Duration gracePeriod) {
		return Mono.defer(() -> {
			this.closing = true;
			for (Stop stop : this.longRunningCalls) {
				stop.end("The DingTalk client was closed while this watch was running");
			}
			checkDrained();
			return this.drained.asMono().timeout(gracePeriod, Mono.empty()).then(Mono.fromRunnable(() -> {
				for (GuardedSubscriber<?> call : this.singleCalls) {
					call.end("The DingTalk client was closed before this call could finish (grace period " + gracePeriod
							+ ")");
				}
			}));
		});
	}

	private @Nullable Stop register(Set<Stop> calls) {
		if (this.closing) {
			return null;
		}
		Stop stop = new Stop();
		calls.add(stop);
		// closing may have begun between the check and the registration: then close() may
		// have missed it
		if (this.closing) {
			calls.remove(stop);
			return null;
		}
		return stop;
	}

	private <C> void unregister(Set<C> calls, C call) {
		calls.remove(call);
		if (this.closing) {
			checkDrained();
		}
	}

	private void checkDrained() {
		if (this.singleCalls.isEmpty()) {
			this.drained.tryEmitEmpty();
		}
	}

	/**
	 * A single call that closing can end. Written as an operator rather than composed
	 * from Reactor's (a sink and {@code timeout(Publisher)} per call) because every
	 * DingTalk call passes through it: this costs one subscriber and one set entry per
	 * call.
	 */
	private static final class Guarded<T> extends Mono<T> {

		private final Mono<T> source;

		private final RunningCalls calls;

		Guarded(Mono<T> source, RunningCalls calls) {
			this.source = source;
			this.calls = calls;
		}

		@Override
		public void subscribe(CoreSubscriber<? super T> actual) {
			if (this.calls.closing) {
				Operators.error(actual, ClosedClient.nothingSent());
				return;
			}
			this.source.subscribe(new GuardedSubscriber<>(actual, this.calls));
		}

	}

	/**
	 * Passes one call's signals on and ends it when the client closes. A Mono's value
	 * ends it as well, so the value and the closing error can never both reach the
	 * subscriber: whichever comes first wins.
	 */
	private static final class GuardedSubscriber<T> implements CoreSubscriber<T>, Subscription {

		private static final AtomicIntegerFieldUpdater<GuardedSubscriber> DONE = AtomicIntegerFieldUpdater
			.newUpdater(GuardedSubscriber.class, "done");

		private final CoreSubscriber<? super T> actual;

		private final RunningCalls calls;

		private @Nullable Subscription upstream;

		private volatile int done;

		GuardedSubscriber(CoreSubscriber<? super T> actual, RunningCalls calls) {
			this.actual = actual;
			this.calls = calls;
		}

		@Override
		public Context currentContext() {
			return this.actual.currentContext();
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
				// registered only now, so that closing never signals before onSubscribe
				// did
				if (this.done == 0) {
					this.calls.singleCalls.add(this);
					if (this.done != 0) {
						// it ended meanwhile, maybe before the registration it then could
						// not undo
						this.calls.unregister(this.calls.singleCalls, this);
					}
					else if (this.calls.closing) {
						// closing may have begun before the registration, and then missed
						// this call
						end("The DingTalk client was closed before this call could start");
					}
				}
			}
		}

		@Override
		public void onNext(T value) {
			if (finish()) {
				this.actual.onNext(value);
				this.actual.onComplete();
			}
			else {
				Operators.onDiscard(value, this.actual.currentContext());
			}
		}

		@Override
		public void onError(Throwable error) {
			if (finish()) {
				this.actual.onError(error);
			}
			else {
				Operators.onErrorDropped(error, this.actual.currentContext());
			}
		}

		@Override
		public void onComplete() {
			if (finish()) {
				this.actual.onComplete();
			}
		}

		@Override
		public void request(long n) {
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.request(n);
			}
		}

		@Override
		public void cancel() {
			Subscription upstream = this.upstream;
			if (finish() && upstream != null) {
				upstream.cancel();
			}
		}

		void end(String message) {
			Subscription upstream = this.upstream;
			if (finish()) {
				if (upstream != null) {
					// even when the client's event loops are gone: the caller must hear
					Cancellations.cancel(upstream);
				}
				this.actual.onError(new DingTalkClientClosedException(message));
			}
		}

		private boolean finish() {
			if (DONE.compareAndSet(this, 0, 1)) {
				this.calls.unregister(this.calls.singleCalls, this);
				return true;
			}
			return false;
		}

	}

	/**
	 * Ends one long-running call.
	 */
	private static final class Stop {

		// emitted once, by the closing thread: no serialization of emissions needed
		private final Sinks.Empty<Void> sink = Sinks.unsafe().empty();

		Mono<Void> signal() {
			return this.sink.asMono();
		}

		void end(String message) {
			this.sink.tryEmitError(new DingTalkClientClosedException(message));
		}

	}

}
