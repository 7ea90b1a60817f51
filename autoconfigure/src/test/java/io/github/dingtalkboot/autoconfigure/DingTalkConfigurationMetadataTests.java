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

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata users see in their IDE, derived from
 * {@link DingTalkProperties} itself: every property is there, described, and shows the
 * default the code uses; so do the property tables of the pages under docs/.
 *
 * @author dingtalk-spring-boot maintainers
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
				assertThat(shown.asString()).as(name).isEqualTo(asWritten(value));
			}
		});
	}

	@Test
	void everyPropertyIsInTheReadme() throws Exception {
		assertThat(readmeDefaults().keySet()).containsExactlyInAnyOrderElementsOf(this.runtime.keySet());
	}

	@Test
	void theReadmeShowsTheDefaultsTheCodeUses() throws Exception {
		Map<String, String> fallbacks = Map.of("dingtalk.http.connect-timeout",
				String.valueOf(DingTalkProperties.Http.DEFAULT_CONNECT_TIMEOUT), "dingtalk.http.response-timeout",
				String.valueOf(DingTalkProperties.Http.DEFAULT_RESPONSE_TIMEOUT));
		readmeDefaults().forEach((name, shown) -> {
			Object value = this.runtime.get(name);
			if (value == null) {
				// unset, or falling back to a spring.* property and then to a constant
				String last = shown.replaceAll(".*\\belse\\s+", "");
				if (fallbacks.containsKey(name)) {
					assertThat(DurationStyle.detectAndParse(last)).as(name)
						.isEqualTo(Duration.parse(fallbacks.get(name)));
				}
				else {
					assertThat(shown).as("default of %s", name).matches("|spring\\.[a-z.-]+");
				}
			}
			else if (value instanceof Duration duration) {
				assertThat(DurationStyle.detectAndParse(shown)).as(name).isEqualTo(duration);
			}
			else if (value instanceof Number number) {
				assertThat(Double.parseDouble(shown)).as(name).isEqualTo(number.doubleValue());
			}
			else if (value instanceof Iterable<?> values) {
				List<String> expected = new ArrayList<>();
				values.forEach((each) -> expected.add(String.valueOf(each)));
				assertThat(shown.split(",\\s*")).as(name).containsExactlyElementsOf(expected);
			}
			else {
				assertThat(shown).as(name).isEqualTo(asWritten(value));
			}
		});
	}

	/** A value as a property file writes it: enum constants in lower case with dashes. */
	private static String asWritten(Object value) {
		return (value instanceof Enum<?> constant) ? constant.name().toLowerCase(Locale.ROOT).replace('_', '-')
				: String.valueOf(value);
	}

	/**
	 * The property table rows of the pages under docs/: each property named in the first
	 * column with the second column, backticks removed.
	 */
	private static Map<String, String> readmeDefaults() throws Exception {
		Map<String, String> defaults = new TreeMap<>();
		Pattern row = Pattern.compile("^\\| (`dingtalk\\.[^|]*?) \\|\\s*([^|]*?)\\s*\\|");
		List<Path> pages;
		try (Stream<Path> files = Files.list(Path.of("../docs"))) {
			pages = files.filter((file) -> file.toString().endsWith(".md")).sorted().toList();
		}
		assertThat(pages).isNotEmpty();
		for (Path page : pages) {
			boolean inPropertyTable = false;
			for (String line : Files.readAllLines(page)) {
				inPropertyTable = line.startsWith("| property | default |")
						|| (inPropertyTable && line.startsWith("|"));
				Matcher matcher = row.matcher(line);
				if (inPropertyTable && matcher.find()) {
					String shown = matcher.group(2).replace("`", "").strip();
					for (String name : matcher.group(1).split(",\\s*")) {
						defaults.put(name.replace("`", "").strip(), shown);
					}
				}
			}
		}
		return defaults;
	}

	@Test
	void theBaseUrlOffersDingTalksTwoHostsTheDefaultFirst() {
		JsonNode hint = readHints().get("dingtalk.base-url");

		assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactly(new DingTalkProperties().getBaseUrl(), "https://api.dingtalk.com");
		assertThat(hint.get("values").valueStream())
			.allSatisfy((value) -> assertThat(value.path("description").asString()).isNotBlank());
		assertThat(hint.get("providers").get(0).get("name").asString()).isEqualTo("any");
	}

	@Test
	void theEnumeratedPropertiesOfferEachValueDescribedAsAPropertyFileWritesIt() {
		JsonNode hint = readHints().get("dingtalk.tracker.endpoint.show-attributes");

		assertThat(hint.get("values").valueStream().map((value) -> value.get("value").asString()))
			.containsExactly(Stream.of(DingTalkProperties.Tracker.ShowAttributes.values())
				.map((value) -> asWritten(value))
				.toArray(String[]::new));
	}

	@Test
	void everyHintIsForAPropertyThatExists() {
		assertThat(readHints().keySet()).isNotEmpty().allSatisfy((name) -> assertThat(this.runtime).containsKey(name));
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

	private static Map<String, JsonNode> readHints() {
		return read("hints");
	}

	private static Map<String, JsonNode> readMetadata() {
		return read("properties");
	}

	/** One section of the generated metadata, by name. */
	private static Map<String, JsonNode> read(String section) {
		try (InputStream in = DingTalkConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			Map<String, JsonNode> entries = new TreeMap<>();
			JsonMapper.builder()
				.build()
				.readTree(in)
				.path(section)
				.forEach((entry) -> entries.put(entry.get("name").asString(), entry));
			return entries;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
