package io.github.dingtalkboot.autoconfigure;

import java.time.Duration;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import io.github.dingtalkboot.testcontainers.RequiresDocker;
import io.github.dingtalkboot.testsupport.RedisContainers;

/**
 * The tracker's cluster behaviour on a Redis Cluster of three masters: every tracker key
 * of one credential lives in one hash slot, so the scripts run there as on one Redis.
 */
@RequiresDocker
@Testcontainers
class DingTalkTrackerOnRedisClusterContainerTests extends DingTalkTrackerClusterContainerTests {

	@Container
	static GenericContainer<?> cluster = RedisContainers.cluster();

	DingTalkTrackerOnRedisClusterContainerTests() throws Exception {
	}

	@Override
	String[] redisProperties() {
		return new String[] { "spring.data.redis.cluster.nodes=" + RedisContainers.clusterNodes(cluster) };
	}

	@Override
	void flushAll() {
		RedisContainers.flushAllNodes(cluster);
	}

	@Override
	void pauseClients(Duration pause) {
		RedisContainers.pauseClientsOfAllNodes(cluster, pause);
	}

	@Override
	GenericContainer<?> container() {
		return cluster;
	}

}
