package io.github.dingtalkboot.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.TrackedTask;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints the starter registers for AOT-processed applications and native
 * images.
 */
class DingTalkRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	DingTalkRuntimeHintsTests() {
		SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(this.hints, getClass().getClassLoader()));
	}

	@Test
	void theRegistrarIsListedInAotFactories() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(DingTalkRuntimeHints.class);
	}

	@Test
	void jacksonMayCreateATrackedTaskThroughItsCanonicalConstructor() throws Exception {
		Class<?>[] components = Arrays.stream(TrackedTask.class.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);

		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(TrackedTask.class.getDeclaredConstructor(components))).accepts(this.hints);
	}

	@Test
	void jacksonMayReadEveryComponentOfATrackedTaskAndOfItsLastState() {
		Stream.of(TrackedTask.class, StorageTask.class)
			.flatMap((type) -> Arrays.stream(type.getRecordComponents()))
			.forEach((component) -> assertThat(
					RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
				.as(component.toString())
				.accepts(this.hints));
	}

	@Test
	void theComponentsCoveredAreThoseJacksonWrites() {
		TrackedTask task = new TrackedTask("t1", "op", Map.of("k", "v"), Instant.EPOCH, null, Instant.EPOCH, "corp");

		String json = JsonMapper.builder().build().writeValueAsString(task);

		assertThat(TrackedTask.class.getRecordComponents())
			.allSatisfy((component) -> assertThat(json).contains("\"" + component.getName() + "\""));
	}

}
