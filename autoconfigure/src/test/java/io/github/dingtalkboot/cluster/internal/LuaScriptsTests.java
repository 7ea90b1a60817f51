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

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Redis scripts as resources: read with the parts they share in place.
 */
class LuaScriptsTests {

	@Test
	void aScriptIsReadWithTheSharedPartsItIncludesInPlaceAndInOrder() {
		String finish = LuaScripts.text("tracker/finish.lua");

		assertThat(finish).doesNotContain("-- include:")
			.containsSubsequence("local now = ", "local function unindex(id)", "local current = ",
					"redis.call('HDEL', KEYS[7], ARGV[1])");
	}

	@Test
	void everyScriptOfTheStarterReadsWithoutAnIncludeLeft() throws Exception {
		Resource[] scripts = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + LuaScripts.LOCATION + "*/*.lua");

		assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);
		for (Resource script : scripts) {
			String path = script.getURL().toString();
			String name = path.substring(path.indexOf(LuaScripts.LOCATION) + LuaScripts.LOCATION.length());
			assertThat(LuaScripts.text(name)).as(name).doesNotContain("-- include:").contains("redis.call(");
		}
	}

	@Test
	void aScriptThatIsNotThereIsAClearError() {
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> LuaScripts.text("tracker/none.lua"))
			.withMessageContaining("META-INF/dingtalk/redis/tracker/none.lua");
	}

}
