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

package io.github.dingtalkboot.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.containers.GenericContainer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * One Redis ({@link RedisContainers#redis()}) for all tests of a class, and a template
 * connected to it: register it as a static {@code @RegisterExtension} field.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

	private final GenericContainer<?> container = RedisContainers.redis();

	private LettuceConnectionFactory connectionFactory;

	private ReactiveStringRedisTemplate template;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.container.start();
		this.connectionFactory = RedisContainers.connectionFactory(this.container);
		this.template = new ReactiveStringRedisTemplate(this.connectionFactory);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (this.connectionFactory != null) {
				this.connectionFactory.destroy();
			}
		}
		finally {
			this.container.stop();
		}
	}

	/** The container, for what only it can do (pause, redis-cli). */
	public GenericContainer<?> container() {
		return this.container;
	}

	/** A template on the Redis. */
	public ReactiveStringRedisTemplate template() {
		return this.template;
	}

}
