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

package io.github.dingtalkboot.testcontainers;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link RequiresDocker}: run with Docker, skip without it, fail without it where it is
 * required.
 */
class RequiresDockerTests {

	@Test
	void runsWhereDockerIsAvailable() {
		assertThat(new RequiresDocker.Condition(() -> true, Map.of("CI", "true")::get).evaluateExecutionCondition(null)
			.isDisabled()).isFalse();
	}

	@Test
	void skipsWithAClearMessageWhereDockerIsMissingAndNotRequired() {
		var result = new RequiresDocker.Condition(() -> false, Map.<String, String>of()::get)
			.evaluateExecutionCondition(null);
		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason())
			.hasValueSatisfying((reason) -> assertThat(reason).contains("Docker is not available"));
	}

	@Test
	void failsInCiWhereDockerIsMissing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new RequiresDocker.Condition(() -> false, Map.of("CI", "true")::get)
				.evaluateExecutionCondition(null))
			.withMessageContaining("Docker is required");
	}

	@Test
	void failsWherePrepareDockerRanButDockerIsMissing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new RequiresDocker.Condition(() -> false, Map.of("DINGTALK_DOCKER_READY", "true")::get)
				.evaluateExecutionCondition(null));
	}

}
