package io.github.dingtalkboot.cluster.internal;

import reactor.core.publisher.Mono;

/**
 * A piece of the cluster's state in Redis that can try its scripts and commands once at
 * start-up, so that what Redis refuses for good (a missing ACL permission, a key of the
 * wrong type, a server too old for a script) stops start-up instead of running degraded.
 */
public interface RedisCheck {

	/**
	 * Run this piece's scripts once, changing nothing that matters.
	 * @return a Mono that completes when Redis ran them; fails with
	 * {@link ClusterUnavailableException} otherwise
	 */
	Mono<Void> check();

}
