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
