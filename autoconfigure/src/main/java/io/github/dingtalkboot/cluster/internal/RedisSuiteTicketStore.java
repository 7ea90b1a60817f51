package io.github.dingtalkboot.cluster.internal;

import reactor.core.publisher.Mono;

import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.auth.internal.SuiteTicketTracker;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * The suite ticket in Redis, so that a ticket pushed to one instance serves all. Saving
 * keeps the ticket locally too; while Redis does not answer, this instance's own latest
 * ticket (or the configured one) serves, and saving still succeeds.
 */
public final class RedisSuiteTicketStore implements SuiteTicketTracker {

	private final ReactiveStringRedisTemplate redis;

	private final ClusterState state;

	private final String key;

	private final LocalSuiteTicketStore local;

	/**
	 * Create a store.
	 * @param redis the template to reach Redis with
	 * @param keys the suite's keys
	 * @param state whether Redis answers
	 * @param local this instance's own store, with the configured ticket
	 */
	public RedisSuiteTicketStore(ReactiveStringRedisTemplate redis, RedisKeys keys, ClusterState state,
			LocalSuiteTicketStore local) {
		this.redis = redis;
		this.state = state;
		this.key = keys.key("suite-ticket");
		this.local = local;
	}

	@Override
	public Mono<Void> save(String ticket) {
		return this.local.save(ticket)
			.then(this.state.guard(this.redis.opsForValue().set(this.key, ticket)))
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> Mono.empty())
			.then();
	}

	@Override
	public Mono<String> latest() {
		return this.state.guard(this.redis.opsForValue().get(this.key))
			.onErrorResume(ClusterUnavailableException.class, (unavailable) -> Mono.empty())
			.switchIfEmpty(this.local.latest());
	}

	@Override
	public String toString() {
		return "RedisSuiteTicketStore[" + this.key + "]";
	}

}
