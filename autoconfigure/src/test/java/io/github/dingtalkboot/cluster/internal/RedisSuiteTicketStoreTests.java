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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import io.github.dingtalkboot.auth.internal.LocalSuiteTicketStore;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;
import io.github.dingtalkboot.testsupport.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The suite ticket in a real Redis, seen by two instances' stores, one of which saves a
 * ticket while Redis does not answer.
 */
@RequiresDocker
class RedisSuiteTicketStoreTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	@RegisterExtension
	static final RedisServer redis = new RedisServer();

	private final RedisKeys keys = new RedisKeys("test", "suite:" + UUID.randomUUID());

	private final ClusterState stateOfA = new ClusterState(Duration.ofMillis(500));

	@Test
	void aTicketSavedWhileRedisIsDownIsWrittenThereWhenItAnswersAgain() {
		RedisSuiteTicketStore a = store(this.stateOfA, "2026-12-06T04:00:00Z");
		RedisSuiteTicketStore b = store(new ClusterState(Duration.ofSeconds(5)), "2026-12-06T04:00:00Z");
		a.save("before-the-outage").block(BLOCK);
		saveDuringAnOutage(a, "during-the-outage");

		awaitAnsweringAgain(a);

		assertThat(b.latest().block(BLOCK)).isEqualTo("during-the-outage");
	}

	@Test
	void aTicketSavedLaterElsewhereIsNotOverwrittenByAnOlderOne() {
		RedisSuiteTicketStore a = store(this.stateOfA, "2026-12-06T04:00:00Z");
		RedisSuiteTicketStore b = store(new ClusterState(Duration.ofSeconds(5)), "2026-12-06T04:20:00Z");
		saveDuringAnOutage(a, "older");
		b.save("newer").block(BLOCK);

		awaitAnsweringAgain(a);

		assertThat(b.latest().block(BLOCK)).isEqualTo("newer");
		assertThat(a.latest().block(BLOCK)).isEqualTo("newer");
	}

	private void saveDuringAnOutage(RedisSuiteTicketStore store, String ticket) {
		RedisContainers.pause(redis.container());
		try {
			// a read that times out: Redis is known to be down, so the save is not even
			// sent
			store.latest().block(BLOCK);
			store.save(ticket).block(BLOCK);
			assertThat(this.stateOfA.isDegraded()).isTrue();
			assertThat(store.latest().block(BLOCK)).as("this instance's own ticket serves").isEqualTo(ticket);
		}
		finally {
			RedisContainers.unpause(redis.container());
		}
	}

	/** Asks until a probe (one a second) finds Redis answering. */
	private void awaitAnsweringAgain(RedisSuiteTicketStore store) {
		await().atMost(BLOCK).pollInterval(Duration.ofMillis(200)).until(() -> {
			store.latest().block(BLOCK);
			return !this.stateOfA.isDegraded();
		});
	}

	private RedisSuiteTicketStore store(ClusterState state, String now) {
		return new RedisSuiteTicketStore(redis.template(), this.keys, state, new LocalSuiteTicketStore(null),
				Clock.fixed(Instant.parse(now), ZoneOffset.UTC));
	}

}
