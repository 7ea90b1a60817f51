package io.github.dingtalkboot.sample.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.env.Environment;

/**
 * Hands the sandbox started for an environment to that environment's application context.
 */
final class SandboxHolder {

	private static final Map<Environment, SandboxDingTalk> sandboxes = new ConcurrentHashMap<>();

	private SandboxHolder() {
	}

	static void register(Environment environment, SandboxDingTalk sandbox) {
		sandboxes.put(environment, sandbox);
	}

	static SandboxDingTalk take(Environment environment) {
		SandboxDingTalk sandbox = sandboxes.remove(environment);
		if (sandbox == null) {
			throw new IllegalStateException("No sandbox was started for this environment");
		}
		return sandbox;
	}

}
