package io.github.dingtalkboot.core;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The calls a {@link DingTalkHttpClient} is running, so that closing it ends every one of them.
 * <p>
 * Closing is graceful: long-running calls (watches) end at once; single calls may finish within a
 * grace period and are ended when it is over; every call made after closing began fails at once.
 * Each call is ended by an error of its own ({@link DingTalkClientClosedException}), which also
 * cancels whatever it was waiting for: a response, a retry back-off, a rate-limit slot or the
 * delay before a watch's next poll.
 */
final class RunningCalls {

	private final Set<Stop> singleCalls = ConcurrentHashMap.newKeySet();

	private final Set<Stop> longRunningCalls = ConcurrentHashMap.newKeySet();

	private final Sinks.Empty<Void> drained = Sinks.empty();

	private volatile boolean closing;

	/**
	 * Run a call that ends by itself soon (one request and its retries).
	 * @param <T> the result type
	 * @param call the call
	 * @return the call, ended by {@link DingTalkClientClosedException} when the client closes
	 */
	<T> Mono<T> single(Mono<T> call) {
		return Mono.defer(() -> {
			Stop stop = register(this.singleCalls);
			if (stop == null) {
				return Mono.error(closedBefore());
			}
			// the stop signal only ever errors, and an error of the timeout publisher ends the call with it
			return call.timeout(stop.signal()).doFinally((signal) -> unregister(this.singleCalls, stop));
		});
	}

	/**
	 * Run a call that goes on until it is cancelled or its subject is done (a watch).
	 * @param <T> the element type
	 * @param call the call
	 * @return the call, ended by {@link DingTalkClientClosedException} as soon as the client closes
	 */
	<T> Flux<T> longRunning(Flux<T> call) {
		return Flux.defer(() -> {
			Stop stop = register(this.longRunningCalls);
			if (stop == null) {
				return Flux.error(closedBefore());
			}
			Mono<Void> signal = stop.signal();
			return call.timeout(signal, (element) -> signal)
				.doFinally((s) -> unregister(this.longRunningCalls, stop));
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
	 * Close: refuse new calls, end long-running calls now and single calls once they are done or the
	 * grace period is over.
	 * @param gracePeriod how long single calls may go on
	 * @return completes when every call has ended
	 */
	Mono<Void> close(Duration gracePeriod) {
		return Mono.defer(() -> {
			this.closing = true;
			endAll(this.longRunningCalls, "The DingTalk client was closed while this watch was running");
			checkDrained();
			return this.drained.asMono()
				.timeout(gracePeriod, Mono.empty())
				.then(Mono.fromRunnable(() -> endAll(this.singleCalls,
						"The DingTalk client was closed before this call could finish (grace period " + gracePeriod
								+ ")")));
		});
	}

	private @Nullable Stop register(Set<Stop> calls) {
		if (this.closing) {
			return null;
		}
		Stop stop = new Stop();
		calls.add(stop);
		// closing may have begun between the check and the registration: then close() may have missed it
		if (this.closing) {
			calls.remove(stop);
			return null;
		}
		return stop;
	}

	private void unregister(Set<Stop> calls, Stop stop) {
		calls.remove(stop);
		if (this.closing) {
			checkDrained();
		}
	}

	private void checkDrained() {
		if (this.singleCalls.isEmpty()) {
			this.drained.tryEmitEmpty();
		}
	}

	private static void endAll(Set<Stop> calls, String message) {
		for (Stop stop : calls) {
			stop.end(message);
		}
	}

	private static DingTalkClientClosedException closedBefore() {
		return new DingTalkClientClosedException("The DingTalk client is closed; nothing was sent", null, 0);
	}

	/**
	 * Ends one call.
	 */
	private static final class Stop {

		private final Sinks.Empty<Void> sink = Sinks.empty();

		Mono<Void> signal() {
			return this.sink.asMono();
		}

		void end(String message) {
			this.sink.tryEmitError(new DingTalkClientClosedException(message));
		}

	}

}
