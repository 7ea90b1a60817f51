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

package io.github.dingtalkboot.cluster.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.StreamUtils;

/**
 * The starter's Redis scripts: {@code .lua} resources under {@link #LOCATION}, one per
 * operation, each read once by the class that runs it. A Redis script cannot load
 * another, so a part several scripts share (the rate limiter's current rate, the
 * tracker's clock and holding functions) is a file of its own that each of them names on
 * a line {@code -- include: name.lua}, replaced by that file of the same folder as the
 * script is read.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class LuaScripts {

	/** Where the scripts are, on the class path. */
	static final String LOCATION = "META-INF/dingtalk/redis/";

	private static final Pattern INCLUDE = Pattern.compile("^-- include: (\\S+)$", Pattern.MULTILINE);

	private LuaScripts() {
	}

	/**
	 * A script answering one value.
	 * @param <T> the answer's type
	 * @param path the script's path under {@link #LOCATION}
	 * @param answer the answer's type: {@code Long}, {@code String} or {@code Boolean}
	 * @return the script
	 */
	static <T> RedisScript<T> load(String path, Class<T> answer) {
		return RedisScript.of(text(path), answer);
	}

	/**
	 * A script answering a Lua table, read as a list of its values (strings, numbers or
	 * lists again).
	 * @param path the script's path under {@link #LOCATION}
	 * @return the script
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RedisScript<List<Object>> list(String path) {
		return (RedisScript) RedisScript.of(text(path), List.class);
	}

	/**
	 * The text Redis runs: the script with its includes in place.
	 * @param path the script's path under {@link #LOCATION}
	 * @return the text
	 */
	static String text(String path) {
		String folder = path.substring(0, path.lastIndexOf('/') + 1);
		Matcher include = INCLUDE.matcher(read(path));
		StringBuilder text = new StringBuilder();
		while (include.find()) {
			include.appendReplacement(text, Matcher.quoteReplacement(read(folder + include.group(1))));
		}
		include.appendTail(text);
		return text.toString();
	}

	private static String read(String path) {
		ClassPathResource resource = new ClassPathResource(LOCATION + path, LuaScripts.class.getClassLoader());
		try (InputStream in = resource.getInputStream()) {
			return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The starter's Redis script " + LOCATION + path + " cannot be read", ex);
		}
	}

}
