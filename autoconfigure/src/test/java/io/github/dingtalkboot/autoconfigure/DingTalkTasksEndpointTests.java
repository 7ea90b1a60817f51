package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.storage.StorageTaskTracker;
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
		DingTalkTasksEndpoint endpoint = new DingTalkTasksEndpoint(new Listing(task), Show.NEVER, Set.of());

		assertThat(endpoint.trackedTasks(SecurityContext.NONE).block(Duration.ofSeconds(10)).tasks()).singleElement()
			.satisfies((shown) -> {
				assertThat(shown.attributes()).containsExactly(Map.entry("job", "******"));
				assertThat(shown.corpId()).isEqualTo("corp-a");
				assertThat(shown.undeliveredSince()).isEqualTo(setAside);
			});
	}

	/** A tracker that only lists one task. */
	private record Listing(TrackedTask task) implements StorageTaskTracker {

		@Override
		public Mono<Void> track(String taskId, String unionId, Map<String, String> attributes) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> track(String taskId) {
			return Mono.empty();
		}

		@Override
		public Mono<Boolean> untrack(String taskId) {
			return Mono.just(false);
		}

		@Override
		public Mono<Boolean> redeliver(String taskId) {
			return Mono.just(false);
		}

		@Override
		public Flux<TrackedTask> trackedTasks() {
			return Flux.just(this.task);
		}

	}

}
