package io.github.dingtalkboot.sample.sandbox;

import java.util.function.Consumer;

import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Once the application's web server listens, registers its callback URL with the sandbox,
 * as a developer registers it in DingTalk's console; the sandbox then pushes it the suite
 * ticket (and, later, the corps' authorisations), before the application is ready.
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
