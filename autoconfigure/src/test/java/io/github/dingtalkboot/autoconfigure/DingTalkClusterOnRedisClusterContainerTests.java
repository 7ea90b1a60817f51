package io.github.dingtalkboot.autoconfigure;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;

/**
 * The shared token, suite ticket and rate limit on a Redis Cluster of three masters: each
 * credential's keys share one hash slot, so the scripts that touch two of them run there.
 */
@RequiresDocker
@Testcontainers
class DingTalkClusterOnRedisClusterContainerTests extends DingTalkClusterContainerTests {

	@Container
	static GenericContainer<?> redis = RedisContainers.cluster();

	DingTalkClusterOnRedisClusterContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return new String[] { "spring.data.redis.cluster.nodes=" + RedisContainers.clusterNodes(redis) };
	}

	@Override
	GenericContainer<?> container() {
		return redis;
	}

}
