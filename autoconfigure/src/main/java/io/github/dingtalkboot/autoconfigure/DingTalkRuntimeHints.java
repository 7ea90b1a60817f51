package io.github.dingtalkboot.autoconfigure;

import org.jspecify.annotations.Nullable;

import io.github.dingtalkboot.storage.TrackedTask;

import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What the starter reads or writes by reflection, for an AOT-processed application or a
 * native image: the tracked tasks the Redis tracker store keeps as JSON (Jackson binds
 * {@link TrackedTask} through its canonical constructor and accessors). Everything else
 * the starter parses is read as a tree or a stream, and its Lua scripts are strings in
 * the code, not resources. Registered in {@code META-INF/spring/aot.factories}.
 */
final class DingTalkRuntimeHints implements RuntimeHintsRegistrar {

	private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		this.bindings.registerReflectionHints(hints.reflection(), TrackedTask.class);
	}

}
