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

package io.github.dingtalkboot.sample.sandbox;

import java.util.function.Consumer;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application's web server listens, registers its callback URL with the sandbox,
 * as a developer registers it in DingTalk's console; the sandbox then pushes it the suite
 * ticket (and, later, the corps' authorisations), before the application is ready.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class SandboxCallbackRegistration implements ApplicationListener<WebServerInitializedEvent> {

	private final String path;

	private final Consumer<String> register;

	SandboxCallbackRegistration(String path, Consumer<String> register) {
		this.path = path;
		this.register = register;
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		// the application's own server, not a separate management one
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.register.accept("http://127.0.0.1:" + event.getWebServer().getPort() + this.path);
		}
	}

}
