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

/**
 * WireMock stubs of DingTalk packaged in this artifact (the ones the starter's own
 * container tests run on): the internal-app and corp token endpoints, tasks in each
 * status ({@code task-init}, {@code task-in-progress}, {@code task-success},
 * {@code task-fail}), a task that progresses, DingTalk's error codes and faults. Copy
 * them into a WireMock container and connect the starter with
 * {@code @ServiceConnection(name = "dingtalk")}:
 *
 * <pre class="code">
 * &#64;Container
 * &#64;ServiceConnection(name = "dingtalk")
 * static GenericContainer&lt;?&gt; dingtalk = new GenericContainer&lt;&gt;("wiremock/wiremock:3.13.2")
 *     .withExposedPorts(8080)
 *     .withCopyFileToContainer(MountableFile.forClasspathResource(DingTalkWireMock.MAPPINGS),
 *             "/home/wiremock/mappings")
 *     .waitingFor(Wait.forHttp("/__admin/health").forPort(8080));
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public final class DingTalkWireMock {

	/** Where the mappings are on the classpath. */
	public static final String MAPPINGS = "io/github/dingtalkboot/test/wiremock/mappings";

	/** The app key the token stubs accept. */
	public static final String APP_KEY = "wm-key";

	/** The app secret the token stubs accept. */
	public static final String APP_SECRET = "wm-secret";

	private DingTalkWireMock() {
	}

}
