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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.web.util.UriUtils;

/**
 * Builds request URIs from a path template: the base URL and the template's literal parts
 * are joined once per template; per call only the variables and query values are encoded,
 * each strictly (everything but RFC 3986's unreserved characters is percent-encoded), so
 * a value is always exactly one path segment or one query value. This is what WebClient's
 * template expansion did with the same result, without parsing and re-encoding the whole
 * URI on every call.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class RequestUris {

	private final String baseUrl;

	private final Map<String, String[]> templates = new ConcurrentHashMap<>();

	/**
	 * Create a builder.
	 * @param baseUrl the base URL every path is appended to
	 */
	public RequestUris(String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/**
	 * Expand a template.
	 * @param pathTemplate the path, e.g. {@code /v1.0/storage/tasks/{taskId}}; its
	 * literal parts must be valid URI text
	 * @param pathVariables the path's variables
	 * @param query the query parameters, in order
	 * @return the absolute URI
	 * @throws IllegalArgumentException when a variable has no value
	 */
	public URI expand(String pathTemplate, Map<String, String> pathVariables, Map<String, String> query) {
		String[] parts = this.templates.computeIfAbsent(pathTemplate, this::parse);
		StringBuilder uri = new StringBuilder(parts[0].length() + 64).append(parts[0]);
		for (int i = 1; i < parts.length; i += 2) {
			String value = pathVariables.get(parts[i]);
			if (value == null) {
				throw new IllegalArgumentException("No value for the path variable '" + parts[i] + "'");
			}
			uri.append(encode(value)).append(parts[i + 1]);
		}
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
			separator = '&';
		}
		return URI.create(uri.toString());
	}

	/*
	 * Split a template into literal parts (the first with the base URL) and variable
	 * names: literal, name, literal, name, …, literal.
	 */
	private String[] parse(String pathTemplate) {
		List<String> parts = new ArrayList<>();
		StringBuilder literal = new StringBuilder(this.baseUrl);
		int i = 0;
		while (i < pathTemplate.length()) {
			int open = pathTemplate.indexOf('{', i);
			if (open < 0) {
				literal.append(pathTemplate, i, pathTemplate.length());
				break;
			}
			int close = pathTemplate.indexOf('}', open);
			if (close < 0) {
				throw new IllegalArgumentException("Unclosed variable in " + pathTemplate);
			}
			literal.append(pathTemplate, i, open);
			parts.add(literal.toString());
			parts.add(pathTemplate.substring(open + 1, close));
			literal.setLength(0);
			i = close + 1;
		}
		parts.add(literal.toString());
		return parts.toArray(String[]::new);
	}

	private static String encode(String value) {
		return UriUtils.encode(value, StandardCharsets.UTF_8);
	}

}
