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
