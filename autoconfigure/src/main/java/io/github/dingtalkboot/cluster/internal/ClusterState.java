package io.github.dingtalkboot.cluster.internal;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
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
		return Mono.defer(() -> {
			if (this.degraded.get() && !probeDue()) {
				return Mono.error(new ClusterUnavailableException("Redis is unavailable", null));
			}
			Duration bound = this.answered ? this.timeout : this.firstContactTimeout;
			return operation.timeout(bound).doOnSuccess((result) -> up()).onErrorMap((error) -> {
				down(error, bound);
				return (error instanceof ClusterUnavailableException) ? error
						: new ClusterUnavailableException(describe(error, bound), error);
			});
		});
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

	private void up() {
		this.answered = true;
		if (this.degraded.compareAndSet(true, false)) {
			logger.info("Redis answers again; the DingTalk client shares its token, suite ticket and rate limit "
					+ "again");
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
