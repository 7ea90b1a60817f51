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

package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import io.github.dingtalkboot.storage.TrackedTask;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code dingtalktasks} endpoint shows of a task whose attributes it masks.
 */
class DingTalkTasksEndpointTests {

	@Test
	void aMaskedTaskKeepsItsCorpAndWhenItsEventWasSetAside() {
		Instant setAside = Instant.parse("2026-12-06T07:00:00Z");
		TrackedTask task = new TrackedTask("t1", "union", Map.of("job", "7"), Instant.parse("2026-12-06T06:00:00Z"),
				null, setAside, "corp-a");
		DingTalkTasksEndpoint endpoint = new DingTalkTasksEndpoint(new DingTalkTrackerTests.UserTracker(task),
				Show.NEVER, Set.of());

		assertThat(endpoint.trackedTasks(SecurityContext.NONE).block(Duration.ofSeconds(10)).tasks()).singleElement()
			.satisfies((shown) -> {
				assertThat(shown.attributes()).containsExactly(Map.entry("job", "******"));
				assertThat(shown.corpId()).isEqualTo("corp-a");
				assertThat(shown.undeliveredSince()).isEqualTo(setAside);
			});
	}

}
