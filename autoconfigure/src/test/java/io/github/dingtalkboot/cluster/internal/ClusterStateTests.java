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

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ClusterState}: how long an operation may take, in virtual time.
 */
class ClusterStateTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	@Test
	void beforeRedisFirstAnsweredAnOperationMayTakeTheFirstContactBound() {
		ClusterState state = new ClusterState(TIMEOUT);
		StepVerifier.withVirtualTime(() -> state.guard(Mono.delay(Duration.ofSeconds(3))))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(3))
			.expectNext(0L)
			.verifyComplete();
		assertThat(state.isDegraded()).isFalse();
	}

	@Test
	void beforeRedisFirstAnsweredAnOperationStillEndsAtTheFirstContactBound() {
		ClusterState state = new ClusterState(TIMEOUT);
		StepVerifier.withVirtualTime(() -> state.guard(Mono.never()))
			.expectSubscription()
			.expectNoEvent(ClusterState.FIRST_CONTACT.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectError(ClusterUnavailableException.class)
			.verify();
		assertThat(state.isDegraded()).isTrue();
	}

	@Test
	void aSlowBulkReadFailsWithinItsOwnBoundWithoutTakingRedisForDown() {
		ClusterState state = new ClusterState(TIMEOUT);
		StepVerifier.create(state.guard(Mono.just("first"))).expectNext("first").verifyComplete();
		StepVerifier.withVirtualTime(() -> state.guardBulk(Mono.never(), Duration.ofSeconds(10)))
			.expectSubscription()
			.expectNoEvent(Duration.ofSeconds(10).minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectError(ClusterUnavailableException.class)
			.verify();
		assertThat(state.isDegraded()).isFalse();
	}

	@Test
	void onceRedisAnsweredAnOperationGetsTheTimeout() {
		ClusterState state = new ClusterState(TIMEOUT);
		StepVerifier.create(state.guard(Mono.just("first"))).expectNext("first").verifyComplete();
		StepVerifier.withVirtualTime(() -> state.guard(Mono.never()))
			.expectSubscription()
			.expectNoEvent(TIMEOUT.minusMillis(1))
			.thenAwait(Duration.ofMillis(1))
			.expectError(ClusterUnavailableException.class)
			.verify();
		assertThat(state.isDegraded()).isTrue();
	}

	@Test
	void aTimeoutLongerThanTheFirstContactBoundAppliesFromTheStart() {
		ClusterState state = new ClusterState(Duration.ofSeconds(8));
		StepVerifier.withVirtualTime(() -> state.guard(Mono.delay(Duration.ofSeconds(7))))
			.expectSubscription()
			.thenAwait(Duration.ofSeconds(7))
			.expectNext(0L)
			.verifyComplete();
	}

}
