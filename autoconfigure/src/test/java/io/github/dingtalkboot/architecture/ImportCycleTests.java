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

package io.github.dingtalkboot.architecture;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No class of the main code depends on itself through others: the starter's classes form
 * no import cycle. Read from the compiled classes with the JDK's {@code jdeps}, a nested
 * class counted as part of its top-level class (its source file).
 */
class ImportCycleTests {

	private static final Pattern DEPENDENCY = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(\\S+)");

	@Test
	void noClassOfTheMainCodeDependsOnItselfThroughOthers() {
		Map<String, Set<String>> graph = dependencies(Path.of("target/classes"));

		assertThat(graph).hasSizeGreaterThan(50);
		assertThat(cycles(graph)).isEmpty();
	}

	@Test
	void aCycleIsFound() {
		Map<String, Set<String>> graph = new TreeMap<>();
		graph.put("a.A", Set.of("a.B"));
		graph.put("a.B", Set.of("a.C"));
		graph.put("a.C", Set.of("a.A"));
		graph.put("a.D", Set.of("a.A"));

		assertThat(cycles(graph)).containsExactly(List.of("a.A", "a.B", "a.C"));
	}

	private static Map<String, Set<String>> dependencies(Path classes) {
		assertThat(classes).isDirectory();
		assertThat(Files.exists(classes.resolve("io/github/dingtalkboot"))).isTrue();
		ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
		StringWriter out = new StringWriter();
		int status = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:class",
				"-filter:none", "--ignore-missing-deps", "-e", "io\\.github\\.dingtalkboot\\..*", classes.toString());
		assertThat(status).as("jdeps").isZero();
		Map<String, Set<String>> graph = new TreeMap<>();
		for (String line : out.toString().split("\\R")) {
			Matcher dependency = DEPENDENCY.matcher(line);
			if (dependency.find()) {
				String from = topLevel(dependency.group(1));
				String to = topLevel(dependency.group(2));
				if (!from.equals(to)) {
					graph.computeIfAbsent(from, (key) -> new TreeSet<>()).add(to);
				}
			}
		}
		return graph;
	}

	private static String topLevel(String className) {
		int nested = className.indexOf('$');
		return (nested < 0) ? className : className.substring(0, nested);
	}

	/**
	 * The strongly connected components of more than one class (Tarjan's algorithm).
	 */
	private static List<List<String>> cycles(Map<String, Set<String>> graph) {
		Map<String, Integer> index = new HashMap<>();
		Map<String, Integer> low = new HashMap<>();
		Deque<String> stack = new ArrayDeque<>();
		List<List<String>> cycles = new ArrayList<>();
		for (String node : graph.keySet()) {
			if (!index.containsKey(node)) {
				connect(node, graph, index, low, stack, cycles);
			}
		}
		return cycles;
	}

	private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
			Map<String, Integer> low, Deque<String> stack, List<List<String>> cycles) {
		index.put(node, index.size());
		low.put(node, index.get(node));
		stack.push(node);
		for (String next : graph.getOrDefault(node, Set.of())) {
			if (!index.containsKey(next)) {
				connect(next, graph, index, low, stack, cycles);
				low.put(node, Math.min(low.get(node), low.get(next)));
			}
			else if (stack.contains(next)) {
				low.put(node, Math.min(low.get(node), index.get(next)));
			}
		}
		if (low.get(node).equals(index.get(node))) {
			List<String> component = new ArrayList<>();
			String member;
			do {
				member = stack.pop();
				component.add(member);
			}
			while (!member.equals(node));
			if (component.size() > 1) {
				component.sort(null);
				cycles.add(component);
			}
		}
	}

}
