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

package io.github.dingtalkboot.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link RequestUris}: the same URIs as WebClient's template expansion, built cheaper.
 */
class RequestUrisTests {

	@Test
	void eachVariableIsOnePathSegmentAndEachQueryValueOneValue() {
		assertThat(new RequestUris("http://h:1").expand("/v1.0/storage/tasks/{taskId}",
				Map.of("taskId", "a/b?c#d%e+f g"), Map.of("unionId", "u&v=w+x y")))
			.hasToString("http://h:1/v1.0/storage/tasks/a%2Fb%3Fc%23d%25e%2Bf%20g?unionId=u%26v%3Dw%2Bx%20y");
	}

	@Test
	void nonAsciiValuesAreEncodedAsUtf8() {
		assertThat(new RequestUris("http://h").expand("/t/{id}", Map.of("id", "任务"), Map.of()))
			.hasToString("http://h/t/%E4%BB%BB%E5%8A%A1");
	}

	@Test
	void aBaseUrlWithAPathOrATrailingSlashKeepsItsPath() {
		assertThat(new RequestUris("http://h/prefix/").expand("/t/{id}", Map.of("id", "1"), Map.of()))
			.hasToString("http://h/prefix/t/1");
	}

	@Test
	void queryParametersKeepTheirOrder() {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("b", "2");
		query.put("a", "1");
		assertThat(new RequestUris("http://h").expand("/t", Map.of(), query)).hasToString("http://h/t?b=2&a=1");
	}

	@Test
	void aVariableWithoutAValueIsAnError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RequestUris("http://h").expand("/t/{id}", Map.of(), Map.of()))
			.withMessageContaining("'id'");
	}

}
