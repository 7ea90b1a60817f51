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

package io.github.dingtalkboot.test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WireMock mappings are in the artifact, where {@link DingTalkWireMock#MAPPINGS}
 * says, and are WireMock's form.
 */
class DingTalkWireMockTests {

	@Test
	void theMappingsArePackagedWhereTheConstantSaysAndEachHoldsStubs() throws IOException {
		List<Resource> files = List.of(new PathMatchingResourcePatternResolver()
			.getResources("classpath*:" + DingTalkWireMock.MAPPINGS + "/*.json"));

		assertThat(files).extracting(Resource::getFilename)
			.contains("token-endpoints.json", "tasks-by-status.json", "progressing-task.json", "error-codes.json",
					"faults.json");
		for (Resource file : files) {
			try (InputStream in = file.getInputStream()) {
				assertThat(JsonMapper.builder().build().readTree(in).get("mappings").isArray()).as(file.getFilename())
					.isTrue();
			}
		}
	}

}
