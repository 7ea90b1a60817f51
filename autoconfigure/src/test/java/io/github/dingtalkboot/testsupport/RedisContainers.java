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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.containers.Container;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
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

	/**
	 * A Redis on a fixed free host port, so that {@link #restart} keeps its address
	 * (Docker gives a container new random ports when it restarts).
	 */
	public static GenericContainer<?> redisOnFixedPort() {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new GenericContainer<>(IMAGE).withExposedPorts(6379)
			.withCreateContainerCmdModifier((cmd) -> cmd.getHostConfig()
				.withPortBindings(new PortBinding(Ports.Binding.bindPort(port), new ExposedPort(6379))));
	}

	/**
	 * Restarts Redis, which runs without persistence: connections drop and every key is
	 * gone, as after a crash or a redeploy of an unpersisted Redis.
	 */
	public static void restart(GenericContainer<?> redis) {
		redis.getDockerClient().restartContainerCmd(redis.getContainerId()).exec();
	}

	/** Every key gone at once, connections kept: FLUSHALL. */
	public static void flushAll(GenericContainer<?> redis) {
		redisCli(redis, "FLUSHALL");
	}

	/** Redis answers no client for a while: CLIENT PAUSE (the pause starts at once). */
	public static void pauseClients(GenericContainer<?> redis, Duration pause) {
		redisCli(redis, "CLIENT", "PAUSE", String.valueOf(pause.toMillis()), "ALL");
	}

	private static void redisCli(GenericContainer<?> redis, String... command) {
		String[] line = new String[command.length + 1];
		line[0] = "redis-cli";
		System.arraycopy(command, 0, line, 1, command.length);
		try {
			Container.ExecResult result = redis.execInContainer(line);
			if (result.getExitCode() != 0 || !result.getStdout().trim().endsWith("OK")) {
				throw new IllegalStateException(String.join(" ", command) + " failed: " + result);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A Redis Cluster of three masters in one container ({@code redis-cluster:7.0.15}
	 * from {@code ../shared/ci/prepare-docker.sh}) on host networking, on three free
	 * ports; {@link #clusterNodes} names them.
	 */
	public static GenericContainer<?> cluster() {
		int base = freeClusterBasePort();
		return new GenericContainer<>(DockerImageName.parse("redis-cluster:7.0.15")).withNetworkMode("host")
			.withEnv("BASE_PORT", String.valueOf(base))
			.waitingFor(Wait.forLogMessage(".*cluster ready.*", 1).withStartupTimeout(Duration.ofMinutes(2)));
	}

	/** The nodes of a {@link #cluster()}, as {@code spring.data.redis.cluster.nodes}. */
	public static String clusterNodes(GenericContainer<?> cluster) {
		int base = clusterBasePort(cluster);
		return "127.0.0.1:" + base + ",127.0.0.1:" + (base + 1) + ",127.0.0.1:" + (base + 2);
	}

	/** FLUSHALL on every master of a {@link #cluster()}. */
	public static void flushAllNodes(GenericContainer<?> cluster) {
		int base = clusterBasePort(cluster);
		for (int port = base; port < base + 3; port++) {
			redisCli(cluster, "-p", String.valueOf(port), "FLUSHALL");
		}
	}

	/** CLIENT PAUSE on every master of a {@link #cluster()}. */
	public static void pauseClientsOfAllNodes(GenericContainer<?> cluster, Duration pause) {
		int base = clusterBasePort(cluster);
		for (int port = base; port < base + 3; port++) {
			redisCli(cluster, "-p", String.valueOf(port), "CLIENT", "PAUSE", String.valueOf(pause.toMillis()), "ALL");
		}
	}

	private static int clusterBasePort(GenericContainer<?> cluster) {
		return Integer.parseInt(cluster.getEnvMap().get("BASE_PORT"));
	}

	private static int freeClusterBasePort() {
		// the nodes take base, +1, +2 and their cluster bus ports +10000
		for (int attempt = 0; attempt < 100; attempt++) {
			int base = ThreadLocalRandom.current().nextInt(20000, 50000);
			if (IntStream.of(0, 1, 2, 10000, 10001, 10002).allMatch((offset) -> free(base + offset))) {
				return base;
			}
		}
		throw new IllegalStateException("No free ports for a Redis Cluster");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** Freezes Redis: connections stay open, nothing answers. */
	public static void pause(GenericContainer<?> redis) {
		redis.getDockerClient().pauseContainerCmd(redis.getContainerId()).exec();
	}

	public static void unpause(GenericContainer<?> redis) {
		redis.getDockerClient().unpauseContainerCmd(redis.getContainerId()).exec();
	}

}
