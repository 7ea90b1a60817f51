package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.dingtalkboot.storage.TrackedTask;

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
