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

import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

import io.github.dingtalkboot.core.DingTalkApiException;
import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import io.micrometer.observation.Observation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.publisher.Operators;
import reactor.util.context.Context;

/**
 * One observed call: it ends the observation when the call ends (with its error, if any),
 * is cancelled or completes, and puts the observation in the call's Reactor context so
 * that the requests it makes are child observations. A poll of a watch also tells the
 * watch how it ended, so a failed watch is recorded with the failing poll's status and
 * error code.
 * <p>
 * One operator instead of three peeks and a context write: a watch holds it for as long
 * as it runs, and every call makes one.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class ObservedCall {

	/**
	 * Where Micrometer's and Spring's instrumentation look for the parent observation:
	 * the value of {@code ObservationThreadLocalAccessor.KEY}, read from the Reactor
	 * context as Spring's {@code WebClient} reads it. Written out because that class
	 * needs context-propagation, which the starter does not require.
	 */
	static final String OBSERVATION_KEY = "micrometer.observation";

	static final String CALL_CONTEXT_KEY = DingTalkClientObservationContext.class.getName();

	private static final Log logger = LogFactory.getLog(ObservedCall.class);

	private final DingTalkClientObservationContext context;

	private final Observation observation;

	private final @Nullable DingTalkClientObservationContext parent;

	ObservedCall(DingTalkClientObservationContext context, Observation observation,
			@Nullable DingTalkClientObservationContext parent) {
		this.context = context;
		this.observation = observation;
		this.parent = parent;
	}

	DingTalkClientObservationContext context() {
		return this.context;
	}

	/**
	 * Observe a call that answers once: the observation stops before the answer reaches
	 * the caller, so the metric is recorded when the call returns.
	 * @param <T> the answer type
	 * @param call the call
	 * @return the observed call
	 */
	<T> Mono<T> observe(Mono<T> call) {
		return new MonoOperator<T, T>(call) {

			@Override
			public void subscribe(CoreSubscriber<? super T> actual) {
				this.source.subscribe(new Observing<>(actual, ObservedCall.this, true));
			}

		};
	}

	/**
	 * Observe a call that emits many results.
	 * @param <T> the result type
	 * @param call the call
	 * @return the observed call
	 */
	<T> Flux<T> observe(Flux<T> call) {
		return new FluxOperator<T, T>(call) {

			@Override
			public void subscribe(CoreSubscriber<? super T> actual) {
				this.source.subscribe(new Observing<>(actual, ObservedCall.this, false));
			}

		};
	}

	private void failed(Throwable error) {
		if (this.context.getStatus() == null && error instanceof DingTalkApiException api) {
			this.context.answered(api.getStatusCode(), api.getErrorCode(), api.getRequestId());
		}
		this.observation.error(error);
	}

	private void stop() {
		if (this.parent != null) {
			this.parent.answeredAs(this.context);
		}
		this.observation.stop();
	}

	private void cancelled() {
		this.context.cancelled();
		this.observation.stop();
	}

	/**
	 * Passes a call's signals on and ends its observation once, at the first of its end,
	 * its error or its cancellation.
	 */
	private static final class Observing<T> implements CoreSubscriber<T>, Subscription {

		private static final AtomicIntegerFieldUpdater<Observing> ENDED = AtomicIntegerFieldUpdater
			.newUpdater(Observing.class, "ended");

		private final CoreSubscriber<? super T> actual;

		private final ObservedCall call;

		private final boolean once;

		private final Context context;

		private @Nullable Subscription upstream;

		private volatile int ended;

		Observing(CoreSubscriber<? super T> actual, ObservedCall call, boolean once) {
			this.actual = actual;
			this.call = call;
			this.once = once;
			this.context = actual.currentContext()
				.put(OBSERVATION_KEY, call.observation)
				.put(CALL_CONTEXT_KEY, call.context);
		}

		@Override
		public Context currentContext() {
			return this.context;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			if (Operators.validate(this.upstream, subscription)) {
				this.upstream = subscription;
				this.actual.onSubscribe(this);
			}
		}

		@Override
		public void onNext(T value) {
			if (this.once) {
				end(null);
			}
			this.actual.onNext(value);
		}

		@Override
		public void onError(Throwable error) {
			end(error);
			this.actual.onError(error);
		}

		@Override
		public void onComplete() {
			end(null);
			this.actual.onComplete();
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
			if (ENDED.compareAndSet(this, 0, 1)) {
				record(null, true);
			}
			Subscription upstream = this.upstream;
			if (upstream != null) {
				upstream.cancel();
			}
		}

		private void end(@Nullable Throwable error) {
			if (ENDED.compareAndSet(this, 0, 1)) {
				record(error, false);
			}
		}

		private void record(@Nullable Throwable error, boolean cancelled) {
			// a failing observation handler must not change what the caller gets
			try {
				if (cancelled) {
					this.call.cancelled();
					return;
				}
				if (error != null) {
					this.call.failed(error);
				}
				this.call.stop();
			}
			catch (RuntimeException ex) {
				logger.warn("Recording the DingTalk call's observation failed: " + ex);
			}
		}

	}

}
