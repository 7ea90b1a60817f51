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

package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Whether Redis answers, shared by everything the cluster keeps there. While it does not,
 * operations fail at once (the callers then use their local state) and one operation a
 * second goes through as a probe; the first one that succeeds ends the outage. One WARN
 * line per outage, one INFO line when it ends.
 * <p>
 * Until Redis has answered once, an operation may take up to {@link #FIRST_CONTACT}: the
 * first one also connects (and, in a fresh JVM, loads the Redis client), which a loaded
 * machine easily makes slower than a command.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class ClusterState {

	private static final Log logger = LogFactory.getLog(ClusterState.class);

	static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	/** The least bound of the operations before Redis first answers. */
	static final Duration FIRST_CONTACT = Duration.ofSeconds(5);

	private final Duration timeout;

	private final Duration firstContactTimeout;

	private volatile boolean answered;

	private final LongSupplier nanoTime;

	private final AtomicBoolean degraded = new AtomicBoolean();

	private final AtomicLong nextProbe = new AtomicLong();

	private final List<Runnable> recoveryActions = new CopyOnWriteArrayList<>();

	/** What Redis refused that is not an outage, the first time it refused it. */
	private final AtomicReference<@Nullable String> refusal = new AtomicReference<>();

	/**
	 * Create a state.
	 * @param timeout the bound of one Redis operation
	 */
	public ClusterState(Duration timeout) {
		this(timeout, System::nanoTime);
	}

	ClusterState(Duration timeout, LongSupplier nanoTime) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive");
		}
		this.timeout = timeout;
		this.firstContactTimeout = (timeout.compareTo(FIRST_CONTACT) > 0) ? timeout : FIRST_CONTACT;
		this.nanoTime = nanoTime;
	}

	/**
	 * Run a Redis operation within the timeout (before Redis first answered, within
	 * {@link #FIRST_CONTACT}), or fail it at once while Redis is unavailable and no probe
	 * is due.
	 * @param <T> the result type
	 * @param operation the operation, not yet subscribed
	 * @return the guarded operation; fails with {@link ClusterUnavailableException} when
	 * Redis does not answer
	 */
	public <T> Mono<T> guard(Mono<T> operation) {
		return Mono.defer(() -> run(operation, this.answered ? this.timeout : this.firstContactTimeout, true));
	}

	/**
	 * Run a bulk read (one that grows with the data, e.g. a listing) within its own
	 * bound, or fail it at once while Redis is unavailable and no probe is due. A bulk
	 * read that takes too long says that the data is large, not that Redis is down: its
	 * timeout does not switch the instance to local state.
	 * @param <T> the result type
	 * @param read the read, not yet subscribed
	 * @param bound how long it may take
	 * @return the guarded read; fails with {@link ClusterUnavailableException} when Redis
	 * does not answer in time
	 */
	public <T> Mono<T> guardBulk(Mono<T> read, Duration bound) {
		return Mono.defer(() -> run(read, bound, false));
	}

	private <T> Mono<T> run(Mono<T> operation, Duration bound, boolean timeoutIsOutage) {
		if (this.degraded.get() && !probeDue()) {
			return Mono.error(new ClusterUnavailableException("Redis is unavailable", null));
		}
		return operation.timeout(bound).doOnSuccess((result) -> up()).onErrorMap((error) -> {
			if (error instanceof ClusterUnavailableException) {
				return error;
			}
			String refused = RedisRefusals.refusal(error);
			if (refused != null) {
				refused(refused);
				return new ClusterUnavailableException("Redis refused a command: " + refused, error);
			}
			if (timeoutIsOutage || !(error instanceof TimeoutException)) {
				down(error, bound);
			}
			return new ClusterUnavailableException(describe(error, bound), error);
		});
	}

	/**
	 * Run an action each time Redis answers again after an outage, on the thread of the
	 * operation that found it answering: the action must not block.
	 * @param action what to do, e.g. write back what was saved locally meanwhile
	 */
	public void whenAnsweringAgain(Runnable action) {
		this.recoveryActions.add(action);
	}

	/**
	 * What Redis refused that an outage does not explain (a missing permission, a key of
	 * the wrong type, a command the server does not know): a misconfiguration, which the
	 * health indicator shows as DOWN until the application restarts.
	 * @return the Redis error, or {@code null} when it refused nothing
	 */
	public @Nullable String refusal() {
		return this.refusal.get();
	}

	/**
	 * Whether Redis is taken to be unavailable now.
	 * @return {@code true} during an outage
	 */
	public boolean isDegraded() {
		return this.degraded.get();
	}

	private boolean probeDue() {
		long now = this.nanoTime.getAsLong();
		long next = this.nextProbe.get();
		return now - next >= 0 && this.nextProbe.compareAndSet(next, now + PROBE_INTERVAL.toNanos());
	}

	private void down(Throwable error, Duration bound) {
		this.nextProbe.set(this.nanoTime.getAsLong() + PROBE_INTERVAL.toNanos());
		if (this.degraded.compareAndSet(false, true)) {
			logger.warn("Redis does not answer (" + describe(error, bound) + "); the DingTalk client goes on with "
					+ "local state (its own token cache and a local rate limit) and tries Redis again every "
					+ PROBE_INTERVAL.toSeconds() + "s");
		}
	}

	private void refused(String refused) {
		if (this.refusal.compareAndSet(null, refused)) {
			logger.error("Redis refused a command of the DingTalk client (" + refused + "); this is not an outage "
					+ "but Redis's configuration (its ACL, a key another application wrote, its version). Each "
					+ "call goes on with local state until it is fixed");
		}
	}

	private void up() {
		this.answered = true;
		if (this.degraded.compareAndSet(true, false)) {
			logger.info("Redis answers again; the DingTalk client shares its token, suite ticket and rate limit "
					+ "again");
			for (Runnable action : this.recoveryActions) {
				try {
					action.run();
				}
				catch (RuntimeException ex) {
					logger.warn("An action after Redis answered again failed", ex);
				}
			}
		}
	}

	private static String describe(Throwable error, Duration bound) {
		if (error instanceof TimeoutException) {
			return "no answer within " + bound;
		}
		String message = error.getMessage();
		return error.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	@Override
	public String toString() {
		return "ClusterState[" + (isDegraded() ? "DOWN" : "UP") + "]";
	}

}
