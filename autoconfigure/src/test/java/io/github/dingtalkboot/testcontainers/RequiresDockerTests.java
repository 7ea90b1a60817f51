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
