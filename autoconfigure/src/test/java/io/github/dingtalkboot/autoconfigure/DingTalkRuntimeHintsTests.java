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

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.TrackedTask;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
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
	void everyRedisScriptOfTheClusteredPartsIsAnIncludedResource() throws Exception {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + DingTalkRuntimeHints.REDIS_SCRIPTS);

		assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
		for (Resource script : scripts) {
			String path = script.getURL().toString();
			String location = path.substring(path.indexOf("META-INF/dingtalk/redis/"));
			assertThat(RuntimeHintsPredicates.resource().forResource(location)).as(location).accepts(this.hints);
		}
	}

	@Test
	void theComponentsCoveredAreThoseJacksonWrites() {
		TrackedTask task = new TrackedTask("t1", "op", Map.of("k", "v"), Instant.EPOCH, null, Instant.EPOCH, "corp");

		String json = JsonMapper.builder().build().writeValueAsString(task);

		assertThat(TrackedTask.class.getRecordComponents())
			.allSatisfy((component) -> assertThat(json).contains("\"" + component.getName() + "\""));
	}

}
