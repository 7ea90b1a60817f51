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

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

import io.github.dingtalkboot.autoconfigure.DingTalkAutoConfiguration;
import io.github.dingtalkboot.autoconfigure.DingTalkCallbackAutoConfiguration;
import io.github.dingtalkboot.autoconfigure.DingTalkConnectionDetails;
import io.github.dingtalkboot.autoconfigure.DingTalkCredentials;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.test.DingTalkSandbox;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.reactive.context.AnnotationConfigReactiveWebServerApplicationContext;
import org.springframework.boot.webflux.autoconfigure.HttpHandlerAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The sandbox is an ordinary bean that supplies the starter's connection details, and
 * pushes its suite ticket to the starter's callback endpoint once the server listens.
 */
class SandboxConfigurationTests {

	private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner(
			AnnotationConfigReactiveWebServerApplicationContext::new)
		.withConfiguration(UserConfigurations.of(SandboxConfiguration.class, JoinedSandboxConfiguration.class))
		.withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class,
				HttpHandlerAutoConfiguration.class, WebFluxAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkCallbackAutoConfiguration.class))
		.withPropertyValues("server.port=0", "dingtalk.storage.union-id=sandbox-operator");

	@Test
	void withoutCredentialsTheStarterConnectsToTheSandboxThroughItsConnectionDetails() {
		this.runner.run((context) -> {
			DingTalkSandbox sandbox = context.getBean(DingTalkSandbox.class);
			DingTalkConnectionDetails details = context.getBean(DingTalkConnectionDetails.class);
			assertThat(details.getBaseUrl()).isEqualTo(sandbox.baseUrl());
			assertThat(details.getCredentials()).isInstanceOf(DingTalkCredentials.ThirdPartyApp.class);
			String taskId = context.getBean(DemoTasks.class).startDemoTask();
			assertThat(context.getBean(StorageTaskOperations.class).getTask(taskId).block().id()).isEqualTo(taskId);
		});
	}

	@Test
	void withCredentialsTheSandboxStaysOff() {
		this.runner.withPropertyValues("dingtalk.app-key=key", "dingtalk.app-secret=secret").run((context) -> {
			assertThat(context).doesNotHaveBean(DingTalkSandbox.class);
			assertThat(context.getBean(DingTalkConnectionDetails.class).getBaseUrl())
				.isEqualTo("https://api.dingtalk.io");
		});
	}

	@Test
	void switchedOffTheSandboxLeavesTheStarterAskingForCredentials() {
		this.runner.withPropertyValues("sample.sandbox.enabled=false")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageStartingWith("No DingTalk credentials are configured."));
	}

	@Test
	void aSecondInstanceJoinsTheFirstOnesSandboxInsteadOfStartingItsOwn() {
		this.runner.run((first) -> {
			String sandbox = first.getBean(DingTalkSandbox.class).baseUrl();
			this.runner.withPropertyValues("sample.sandbox.join=" + sandbox).run((second) -> {
				assertThat(second).doesNotHaveBean(DingTalkSandbox.class);
				assertThat(second.getBean(DingTalkConnectionDetails.class).getBaseUrl()).isEqualTo(sandbox);
				String taskId = first.getBean(DemoTasks.class).startDemoTask();
				assertThat(second.getBean(StorageTaskOperations.class).getTask(taskId).block().id()).isEqualTo(taskId);
			});
		});
	}

	@Test
	void aFailedStartUpClosesTheSandbox() {
		AtomicReference<String> baseUrl = new AtomicReference<>();
		this.runner.withBean(AtomicReference.class, () -> baseUrl)
			.withUserConfiguration(FailingConfiguration.class)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasRootCauseMessage("start-up fails after the sandbox started"));
		URI sandbox = URI.create(baseUrl.get());
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(sandbox.getHost(), sandbox.getPort()).close());
	}

	@Configuration(proxyBeanMethods = false)
	static class FailingConfiguration {

		@Bean
		Object failing(DingTalkSandbox sandbox, AtomicReference<String> baseUrl) {
			baseUrl.set(sandbox.baseUrl());
			throw new IllegalStateException("start-up fails after the sandbox started");
		}

	}

}
