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

package io.github.dingtalkboot.test;

import java.time.Clock;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A {@link DingTalkSandbox} for a JUnit 5 test without Spring: registered on a static
 * field it serves the whole class, on an instance field each test; either way it is
 * closed after them. Test methods may also take the sandbox as a parameter.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static DingTalkSandboxExtension dingtalk = new DingTalkSandboxExtension();
 *
 * &#64;Test
 * void aBulkMoveEnds() {
 *     dingtalk.sandbox().task("t1").subtasks(30).endsAfter(Duration.ofSeconds(2)).succeeds();
 *     // point the client under test at dingtalk.sandbox().baseUrl()
 * }
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkSandboxExtension
		implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

	private final Clock clock;

	private @Nullable DingTalkSandbox sandbox;

	private boolean perClass;

	/**
	 * A sandbox on the system clock.
	 */
	public DingTalkSandboxExtension() {
		this(Clock.systemUTC());
	}

	/**
	 * A sandbox on a clock of the test's own.
	 * @param clock the clock
	 */
	public DingTalkSandboxExtension(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * The sandbox of the running test.
	 * @return the sandbox
	 * @throws IllegalStateException outside a test
	 */
	public DingTalkSandbox sandbox() {
		DingTalkSandbox started = this.sandbox;
		if (started == null) {
			throw new IllegalStateException("The DingTalk sandbox runs during tests only");
		}
		return started;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		this.perClass = true;
		this.sandbox = DingTalkSandbox.start(this.clock);
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (!this.perClass) {
			this.sandbox = DingTalkSandbox.start(this.clock);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (!this.perClass) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void close() {
		DingTalkSandbox started = this.sandbox;
		this.sandbox = null;
		if (started != null) {
			started.close();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DingTalkSandbox.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return sandbox();
	}

}
