package io.github.dingtalkboot.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata users see in their IDE, derived from
 * {@link DingTalkProperties} itself: every property is there, described, and shows the
 * default the code uses.
 */
class DingTalkConfigurationMetadataTests {

	private final Map<String, JsonNode> metadata = readMetadata();

	private final Map<String, Object> runtime = new TreeMap<>();

	DingTalkConfigurationMetadataTests() throws Exception {
		collect("dingtalk", new DingTalkProperties());
	}

	@Test
	void everyPropertyIsInTheMetadataAndNothingElse() {
		assertThat(this.metadata.keySet()).filteredOn((name) -> name.startsWith("dingtalk."))
			.containsExactlyInAnyOrderElementsOf(this.runtime.keySet());
	}

	@Test
	void everyPropertyIsDescribed() {
		assertThat(this.metadata)
			.allSatisfy((name, property) -> assertThat(property.path("description").asString()).as(name).isNotBlank());
	}

	@Test
	void everyDefaultTheCodeHasIsInTheMetadata() {
		this.runtime.forEach((name, value) -> {
			if (value == null) {
				assertThat(this.metadata.get(name).has("defaultValue")).as("%s has no default", name).isFalse();
				return;
			}
			JsonNode shown = this.metadata.get(name).get("defaultValue");
			assertThat(shown).as("default of %s", name).isNotNull();
			if (value instanceof Duration duration) {
				assertThat(DurationStyle.detectAndParse(shown.asString())).as(name).isEqualTo(duration);
			}
			else if (value instanceof Number number) {
				assertThat(shown.asDouble()).as(name).isEqualTo(number.doubleValue());
			}
			else if (value instanceof Iterable<?> values) {
				List<Object> expected = new ArrayList<>();
				values.forEach(expected::add);
				assertThat(shown.valueStream().map(JsonNode::asInt).toList()).as(name).isEqualTo(expected);
			}
			else {
				assertThat(shown.asString()).as(name).isEqualTo(String.valueOf(value));
			}
		});
	}

	@Test
	void theHealthIndicatorSwitchIsDescribed() {
		assertThat(readMetadata()).containsKey("management.health.dingtalk.enabled");
	}

	private void collect(String prefix, Object properties) throws Exception {
		for (PropertyDescriptor descriptor : Introspector.getBeanInfo(properties.getClass(), Object.class)
			.getPropertyDescriptors()) {
			Object value = descriptor.getReadMethod().invoke(properties);
			String name = prefix + "." + kebab(descriptor.getName());
			if (descriptor.getWriteMethod() == null) {
				collect(name, value);
			}
			else {
				this.runtime.put(name, value);
			}
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
	}

	private static Map<String, JsonNode> readMetadata() {
		try (InputStream in = DingTalkConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			Map<String, JsonNode> properties = new TreeMap<>();
			JsonMapper.builder()
				.build()
				.readTree(in)
				.get("properties")
				.forEach((property) -> properties.put(property.get("name").asString(), property));
			return properties;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
