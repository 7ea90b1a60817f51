package io.github.dingtalkboot.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * The Redis the cluster tests share state through: the image
 * {@code ../shared/ci/prepare-docker.sh} builds, whose name Spring Boot's
 * {@code @ServiceConnection} recognises.
 */
public final class RedisContainers {

	public static final DockerImageName IMAGE = DockerImageName.parse("redis:7.0.15");

	private RedisContainers() {
	}

	public static GenericContainer<?> redis() {
		return new GenericContainer<>(IMAGE).withExposedPorts(6379);
	}

	/**
	 * A started connection factory to the container, for tests of the Redis pieces
	 * without an application context; destroy it after use.
	 */
	public static LettuceConnectionFactory connectionFactory(GenericContainer<?> redis) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redis.getHost(), redis.getMappedPort(6379)));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	/** Freezes Redis: connections stay open, nothing answers. */
	public static void pause(GenericContainer<?> redis) {
		redis.getDockerClient().pauseContainerCmd(redis.getContainerId()).exec();
	}

	public static void unpause(GenericContainer<?> redis) {
		redis.getDockerClient().unpauseContainerCmd(redis.getContainerId()).exec();
	}

}
