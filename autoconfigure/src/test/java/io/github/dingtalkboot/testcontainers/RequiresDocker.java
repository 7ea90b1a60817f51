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

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where Docker is available. Where Docker is required (in CI,
 * marked by {@code CI=true}, by {@code DINGTALK_DOCKER_READY} from
 * {@code prepare-docker.sh}, or by {@code -Ddingtalk.docker.required=true}), a missing
 * Docker fails the build instead of skipping.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresDocker.Condition.class)
public @interface RequiresDocker {

	/**
	 * Skips, or fails where Docker is required, when there is no Docker.
	 */
	final class Condition implements ExecutionCondition {

		private final BooleanSupplier dockerAvailable;

		private final Function<String, String> environment;

		Condition() {
			this(() -> DockerClientFactory.instance().isDockerAvailable(), System::getenv);
		}

		Condition(BooleanSupplier dockerAvailable, Function<String, String> environment) {
			this.dockerAvailable = dockerAvailable;
			this.environment = environment;
		}

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (this.dockerAvailable.getAsBoolean()) {
				return ConditionEvaluationResult.enabled("Docker is available");
			}
			if (required()) {
				throw new IllegalStateException("Docker is required here (CI=true, DINGTALK_DOCKER_READY or "
						+ "-Ddingtalk.docker.required=true) but not available: source ../shared/ci/prepare-docker.sh");
			}
			return ConditionEvaluationResult.disabled("Docker is not available: container tests skipped");
		}

		private boolean required() {
			return "true".equalsIgnoreCase(this.environment.apply("CI"))
					|| this.environment.apply("DINGTALK_DOCKER_READY") != null
					|| Boolean.getBoolean("dingtalk.docker.required");
		}

	}

}
