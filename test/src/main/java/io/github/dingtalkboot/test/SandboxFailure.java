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

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link DingTalkSandbox} fails a request instead of answering it, as DingTalk
 * does: see {@link DingTalkSandbox#failNext(DingTalkSandbox.Api, int, SandboxFailure)}.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class SandboxFailure {

	enum Kind {

		ERROR, BAN_PAGE, DELAY, DROP

	}

	private final Kind kind;

	private final int status;

	private final String code;

	private final Duration delay;

	private SandboxFailure(Kind kind, int status, String code, Duration delay) {
		this.kind = kind;
		this.status = status;
		this.code = code;
		this.delay = delay;
	}

	/**
	 * An error answer in DingTalk's form: {@code {"code":…,"requestid":…,"message":…}}.
	 * @param status the HTTP status, e.g. 503
	 * @param code the DingTalk code, e.g. {@code operationTimeout}
	 * @return the failure
	 */
	public static SandboxFailure error(int status, String code) {
		Objects.requireNonNull(code, "code");
		if (status < 400 || status > 599) {
			throw new IllegalArgumentException("An error status is 400 to 599, not " + status);
		}
		return new SandboxFailure(Kind.ERROR, status, code, Duration.ZERO);
	}

	/**
	 * Throttling, as DingTalk answers it: HTTP 403
	 * {@code Forbidden.AccessDenied.QpsLimitForAppkeyAndApi}.
	 * @return the failure
	 */
	public static SandboxFailure throttled() {
		return error(403, "Forbidden.AccessDenied.QpsLimitForAppkeyAndApi");
	}

	/**
	 * The HTML page DingTalk answers an IP it banned for too many requests with (HTTP
	 * 403, not JSON).
	 * @return the failure
	 */
	public static SandboxFailure banPage() {
		return new SandboxFailure(Kind.BAN_PAGE, 403, "", Duration.ZERO);
	}

	/**
	 * The usual answer, late.
	 * @param delay how late
	 * @return the failure
	 */
	public static SandboxFailure delay(Duration delay) {
		if (delay.isNegative()) {
			throw new IllegalArgumentException("A delay is not negative");
		}
		return new SandboxFailure(Kind.DELAY, 200, "", delay);
	}

	/**
	 * No answer: the connection is closed once the request is read.
	 * @return the failure
	 */
	public static SandboxFailure dropConnection() {
		return new SandboxFailure(Kind.DROP, 0, "", Duration.ZERO);
	}

	Kind kind() {
		return this.kind;
	}

	int status() {
		return this.status;
	}

	String code() {
		return this.code;
	}

	Duration delay() {
		return this.delay;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case ERROR -> "SandboxFailure[" + this.status + " " + this.code + "]";
			case BAN_PAGE -> "SandboxFailure[ban page]";
			case DELAY -> "SandboxFailure[delay " + this.delay + "]";
			case DROP -> "SandboxFailure[dropped connection]";
		};
	}

}
