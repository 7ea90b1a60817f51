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
