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

import java.io.IOException;
import java.time.Duration;
import java.util.function.Consumer;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.DingTalkTestClients;
import io.github.dingtalkboot.testsupport.RedisContainers;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.aot.generate.GeneratedFiles;
import org.springframework.aot.test.generate.TestGenerationContext;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.test.tools.CompileWithForkedClassLoader;
import org.springframework.core.test.tools.TestCompiler;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A context with the starter processed ahead of time, as a Boot application built for AOT
 * (or a native image) is, then started from the generated code on the JVM: with the
 * cluster off, and on against a real Redis.
 */
@CompileWithForkedClassLoader
@RequiresDocker
@Testcontainers
class DingTalkAotProcessingTests {

	@Container
	static GenericContainer<?> redis = RedisContainers.redis();

	@StartStop
	private final MockWebServer dingtalk = new MockWebServer();

	@Test
	void theStarterProcessedAheadOfTimeStartsAndCallsDingTalk() throws IOException {
		processAndStart(Starter.class, properties(), (context) -> {
			assertThat(getTask(context)).extracting(StorageTask::id).isEqualTo("t1");
			assertThat(context.getBean(StorageTaskTracker.class)).isNotNull();
		});
	}

	@Test
	void theClusteredStarterProcessedAheadOfTimeStartsOnRedisAndCallsDingTalk() throws IOException {
		processAndStart(ClusteredStarter.class,
				properties("dingtalk.cluster.enabled=true", "dingtalk.cluster.key-prefix=aot",
						"spring.data.redis.host=" + redis.getHost(),
						"spring.data.redis.port=" + redis.getMappedPort(6379)),
				(context) -> assertThat(getTask(context)).extracting(StorageTask::id).isEqualTo("t1"));
	}

	private String[] properties(String... more) {
		String[] all = new String[3 + more.length];
		all[0] = "dingtalk.access-token=tok";
		all[1] = "dingtalk.storage.union-id=op";
		all[2] = "dingtalk.base-url=" + DingTalkTestClients.baseUrl(this.dingtalk);
		System.arraycopy(more, 0, all, 3, more.length);
		return all;
	}

	private StorageTask getTask(GenericApplicationContext context) {
		this.dingtalk.enqueue(new MockResponse.Builder().code(200)
			.addHeader("Content-Type", "application/json")
			.body("{\"task\":{\"id\":\"t1\",\"status\":\"SUCCESS\",\"totalCount\":1,\"successCount\":1,"
					+ "\"failCount\":0}}")
			.build());
		return context.getBean(StorageTaskOperations.class).getTask("t1").block(Duration.ofSeconds(30));
	}

	@SuppressWarnings("unchecked")
	private static void processAndStart(Class<?> configuration, String[] properties,
			Consumer<GenericApplicationContext> test) throws IOException {
		AnnotationConfigApplicationContext source = new AnnotationConfigApplicationContext();
		TestPropertyValues.of(properties).applyTo(source);
		source.register(configuration);
		TestGenerationContext generationContext = new TestGenerationContext();
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(source, generationContext);
		generationContext.writeGeneratedContent();
		// the starter's bean definitions are generated code, not configuration classes
		// read at start-up
		assertThat(generationContext.getGeneratedFiles()
			.getGeneratedFileContent(GeneratedFiles.Kind.SOURCE,
					"io/github/dingtalkboot/autoconfigure/DingTalkAutoConfiguration__BeanDefinitions.java"))
			.isNotNull();
		TestCompiler.forSystem().with(generationContext).compile((compiled) -> {
			try (GenericApplicationContext processed = new GenericApplicationContext()) {
				TestPropertyValues.of(properties).applyTo(processed);
				compiled.getInstance(ApplicationContextInitializer.class, initializerName.reflectionName())
					.initialize(processed);
				processed.refresh();
				test.accept(processed);
			}
		});
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
			DingTalkTrackerAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class })
	static class Starter {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataRedisAutoConfiguration.class, DataRedisReactiveAutoConfiguration.class,
			WebClientAutoConfiguration.class, DingTalkClusterAutoConfiguration.class, DingTalkAutoConfiguration.class,
			DingTalkTrackerAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class })
	static class ClusteredStarter {

	}

}
