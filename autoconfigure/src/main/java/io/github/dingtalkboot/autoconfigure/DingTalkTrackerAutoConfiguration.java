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

import java.time.Clock;
import java.util.Set;

import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.internal.InMemoryTrackedTaskStore;
import io.github.dingtalkboot.storage.internal.PollSchedule;
import io.github.dingtalkboot.storage.internal.StorageTaskClient;
import io.github.dingtalkboot.storage.internal.TaskTracker;
import io.github.dingtalkboot.storage.internal.TrackedTaskStore;
import io.github.dingtalkboot.storage.internal.TrackerMetrics;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@link StorageTaskTracker}: tasks kept in memory, or in Redis
 * when {@code dingtalk.cluster.enabled=true}; polling starts with the application context
 * and stops, before the client closes, with it. {@code dingtalk.tracker.enabled=false}
 * turns it off.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.2.0
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkClusterAutoConfiguration.class })
@ConditionalOnBean(StorageTaskOperations.class)
@ConditionalOnBooleanProperty(name = "dingtalk.tracker.enabled", matchIfMissing = true)
public final class DingTalkTrackerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TrackedTaskStore dingTalkTrackedTaskStore(DingTalkProperties properties) {
		return new InMemoryTrackedTaskStore(properties.getTracker().getDelivery().getRetention(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean(StorageTaskTracker.class)
	TaskTracker dingTalkStorageTaskTracker(StorageTaskOperations operations, ObjectProvider<StorageTaskClient> client,
			TrackedTaskStore store, DingTalkProperties properties, ConfigurableApplicationContext context,
			ObjectProvider<TrackerMetrics> metrics) {
		StorageTaskClient ours = client.getIfUnique();
		// a user's own operations pace their calls themselves, on a schedule of the
		// tracker's
		PollSchedule schedule = (ours != null) ? ours.schedule() : new PollSchedule(
				(corpId, taskId, unionId, limiter) -> ((corpId != null) ? operations.forCorp(corpId) : operations)
					.getTask(taskId, unionId),
				null, DingTalkSettings.storage(properties.getStorage()), Schedulers.parallel());
		// a user's own operations serve no corps here: their polls could not be made
		boolean servesCorps = ours != null && ours.servesCorps();
		return new TaskTracker(schedule, store, DingTalkSettings.tracker(properties.getTracker()),
				new ContextEventListeners(context), metrics.getIfAvailable(() -> TrackerMetrics.NONE), servesCorps);
	}

	@Bean
	DingTalkTrackerLifecycle dingTalkTrackerLifecycle(ObjectProvider<TaskTracker> tracker,
			DingTalkProperties properties) {
		return new DingTalkTrackerLifecycle(tracker.getIfUnique(), properties.getShutdown().getGracePeriod());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint")
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnAvailableEndpoint(DingTalkTasksEndpoint.class)
		DingTalkTasksEndpoint dingTalkTasksEndpoint(StorageTaskTracker tracker, DingTalkProperties properties) {
			DingTalkProperties.Tracker.Endpoint endpoint = properties.getTracker().getEndpoint();
			return new DingTalkTasksEndpoint(tracker, Show.valueOf(endpoint.getShowAttributes().name()),
					(endpoint.getRoles() != null) ? endpoint.getRoles() : Set.of());
		}

	}

}
