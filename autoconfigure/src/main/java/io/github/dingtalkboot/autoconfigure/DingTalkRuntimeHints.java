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

import io.github.dingtalkboot.storage.TrackedTask;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the starter reads or writes by reflection, for an AOT-processed application or a
 * native image: the tracked tasks the Redis tracker store keeps as JSON (Jackson binds
 * {@link TrackedTask} through its canonical constructor and accessors), and the Redis
 * scripts of the clustered parts, {@code .lua} resources under
 * {@code META-INF/dingtalk/redis/}. Everything else the starter parses is read as a tree
 * or a stream. Registered in {@code META-INF/spring/aot.factories}.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class DingTalkRuntimeHints implements RuntimeHintsRegistrar {

	/** The Redis scripts, as a resource pattern. */
	static final String REDIS_SCRIPTS = "META-INF/dingtalk/redis/*/*.lua";

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), TrackedTask.class);
		hints.resources().registerPattern(REDIS_SCRIPTS);
	}

}
