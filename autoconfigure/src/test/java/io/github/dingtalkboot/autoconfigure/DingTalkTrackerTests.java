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

import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskOperations;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.StorageTaskTracker;
import io.github.dingtalkboot.storage.StorageTaskTrackingFailedEvent;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.storage.internal.TaskTracker;
import io.github.dingtalkboot.testsupport.ProgressingDingTalk;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The auto-configured {@link StorageTaskTracker} in an application context, against a
 * fake DingTalk over HTTP whose tasks run for known times.
 */
class DingTalkTrackerTests {

	private static final Duration BLOCK = Duration.ofSeconds(30);

	private final ProgressingDingTalk dingtalk = new ProgressingDingTalk();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(WebClientAutoConfiguration.class, DingTalkAutoConfiguration.class,
				DingTalkTrackerAutoConfiguration.class, DingTalkMetricsAutoConfiguration.class))
		.withUserConfiguration(Listeners.class)
		.withPropertyValues("dingtalk.base-url=" + this.dingtalk.baseUrl(), "dingtalk.app-key=key",
				"dingtalk.app-secret=secret", "dingtalk.storage.union-id=union",
				"dingtalk.tracker.delivery.backoff=10ms");

	DingTalkTrackerTests() throws Exception {
	}

	@AfterEach
	void stop() {
		this.dingtalk.close();
	}

	@Test
	void fiftyTrackedTasksAreEachAnnouncedOnce() {
		this.runner.run((context) -> {
			StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);
			Flux.range(0, 50).concatMap((i) -> {
				String taskId = "t" + i;
				this.dingtalk.task(taskId, Duration.ofMillis(500 + 50L * i), 100);
				return tracker.track(taskId, "union", Map.of("index", String.valueOf(i)));
			}).blockLast(BLOCK);
			Listeners listeners = context.getBean(Listeners.class);

			await().atMost(BLOCK).untilAsserted(() -> assertThat(listeners.completed).hasSize(50));

			Map<String, Long> perTask = listeners.completed.stream()
				.collect(Collectors.groupingBy((event) -> event.getTrackedTask().taskId(), Collectors.counting()));
			assertThat(perTask).hasSize(50).allSatisfy((taskId, count) -> assertThat(count).isOne());
			assertThat(listeners.completed).allSatisfy((event) -> {
				assertThat(event.getTask().status()).isEqualTo(StorageTaskStatus.SUCCESS);
				assertThat(event.getTrackedTask().attributes().get("index"))
					.isEqualTo(event.getTrackedTask().taskId().substring(1));
			});
			await().atMost(BLOCK)
				.untilAsserted(() -> assertThat(tracker.trackedTasks().collectList().block(BLOCK)).isEmpty());
		});
	}

	@Test
	void aListenerThatThrowsTwiceGetsTheEventAThirdTime() {
		this.dingtalk.task("t1", Duration.ofMillis(200), 10);
		this.runner.withUserConfiguration(FailingTwice.class).run((context) -> {
			SimpleMeterRegistry meters = meters(context.getBeansOfType(MeterBinder.class).values());
			context.getBean(StorageTaskTracker.class).track("t1").block(BLOCK);
			FailingTwice listener = context.getBean(FailingTwice.class);

			await().atMost(BLOCK).untilAsserted(() -> assertThat(listener.offers).hasValue(3));

			await().atMost(BLOCK)
				.untilAsserted(() -> assertThat(context.getBean(MeterRegistry.class)
					.get("dingtalk.tracker.events")
					.tags("type", "completed", "outcome", "redelivered")
					.counter()
					.count()).isOne());
			assertThat(meters.get("dingtalk.tracker.tasks").gauge().value()).isZero();
		});
	}

	@Test
	void aListenerThatKeepsFailingKeepsNoOtherListenerFromTheEvent() {
		this.dingtalk.task("t1", Duration.ofMillis(200), 10);
		this.runner.withUserConfiguration(FailingFirst.class)
			.withPropertyValues("dingtalk.tracker.delivery.max-attempts=3")
			.run((context) -> {
				context.getBean(StorageTaskTracker.class).track("t1").block(BLOCK);
				FailingFirst failing = context.getBean(FailingFirst.class);

				awaitOneCompletedEvent(context, "undelivered");

				assertThat(failing.offers).hasValue(3);
				assertThat(context.getBean(Listeners.class).completed).as("the listener after the failing one")
					.hasSize(1);
			});
	}

	@Test
	void aListenerThatTookTheEventIsNotOfferedItAgainWhenAnotherFails() {
		this.dingtalk.task("t1", Duration.ofMillis(200), 10);
		this.runner.withUserConfiguration(FailingTwice.class).run((context) -> {
			context.getBean(StorageTaskTracker.class).track("t1").block(BLOCK);

			awaitOneCompletedEvent(context, "redelivered");

			assertThat(context.getBean(FailingTwice.class).offers).hasValue(3);
			assertThat(context.getBean(Listeners.class).completed).hasSize(1);
		});
	}

	@Test
	void aTaskDingTalkDoesNotKnowIsAnnouncedAsTrackingFailed() {
		this.runner.run((context) -> {
			context.getBean(StorageTaskTracker.class).track("never-started").block(BLOCK);
			Listeners listeners = context.getBean(Listeners.class);

			await().atMost(BLOCK)
				.untilAsserted(() -> assertThat(listeners.failed).singleElement()
					.satisfies((event) -> assertThat(event.getReason())
						.isEqualTo(StorageTaskTrackingFailedEvent.Reason.TASK_NOT_FOUND)));
		});
	}

	@Test
	void untrackingStopsPolling() {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		this.runner.run((context) -> {
			StorageTaskTracker tracker = context.getBean(StorageTaskTracker.class);
			tracker.track("long").block(BLOCK);
			await().atMost(BLOCK).until(() -> this.dingtalk.polls("long") >= 2);

			assertThat(tracker.untrack("long").block(BLOCK)).isTrue();
			// a poll already on the wire may still arrive
			Thread.sleep(300);
			int polls = this.dingtalk.polls("long");
			Thread.sleep(2000);

			assertThat(this.dingtalk.polls("long")).isEqualTo(polls);
			assertThat(tracker.trackedTasks().collectList().block(BLOCK)).isEmpty();
		});
	}

	@Test
	void watchingATrackedTaskTwiceCostsNoExtraPolls() throws Exception {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		this.runner.run((context) -> {
			long started = System.nanoTime();
			context.getBean(StorageTaskTracker.class).track("long").block(BLOCK);
			StorageTaskOperations operations = context.getBean(StorageTaskOperations.class);
			Disposable first = operations.watchTask("long").subscribe();
			Disposable second = operations.watchTask("long").subscribe();

			Thread.sleep(3000);
			first.dispose();
			second.dispose();

			// one schedule polls a task at most once per initial-interval (0.5 s), with
			// spare rate-limit slots that often: seven polls in 3 s at the most; each
			// watch
			// polling on its own would make as many again
			int polls = this.dingtalk.polls("long");
			long elapsed = Duration.ofNanos(System.nanoTime() - started).toMillis();
			assertThat(polls).isBetween(1, 1 + (int) (elapsed / 500));
		});
	}

	@Test
	void closingTheContextStopsPolling() {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		this.runner.run((context) -> {
			context.getBean(StorageTaskTracker.class).track("long").block(BLOCK);
			await().atMost(BLOCK).until(() -> this.dingtalk.polls("long") >= 1);
			context.close();
			int polls = this.dingtalk.polls("long");
			Thread.sleep(2000);
			assertThat(this.dingtalk.polls("long")).isEqualTo(polls);
		});
	}

	@Test
	void trackerMetersCountPollsAndTrackedTasks() {
		this.dingtalk.task("long", Duration.ofHours(1), 0);
		this.runner.run((context) -> {
			SimpleMeterRegistry meters = meters(context.getBeansOfType(MeterBinder.class).values());
			context.getBean(StorageTaskTracker.class).track("long").block(BLOCK);

			await().atMost(BLOCK).untilAsserted(() -> {
				Counter polls = context.getBean(MeterRegistry.class).find("dingtalk.tracker.polls").counter();
				assertThat(polls).isNotNull();
				assertThat(polls.count()).isGreaterThanOrEqualTo(1);
			});
			assertThat(meters.get("dingtalk.tracker.tasks").gauge().value()).isOne();
		});
	}

	@Test
	void thePollsCounterIsThereBeforeTheFirstPoll() {
		this.runner.run((context) -> {
			SimpleMeterRegistry meters = meters(context.getBeansOfType(MeterBinder.class).values());

			assertThat(meters.get("dingtalk.tracker.polls").counter().count()).isZero();
		});
	}

	@Test
	void listenersRunOffTheEventLoops() {
		this.dingtalk.task("t1", Duration.ofMillis(200), 10);
		this.runner.run((context) -> {
			context.getBean(StorageTaskTracker.class).track("t1").block(BLOCK);
			Listeners listeners = context.getBean(Listeners.class);

			await().atMost(BLOCK).untilAsserted(() -> assertThat(listeners.threads).hasSize(1));

			assertThat(listeners.threads).allSatisfy((thread) -> assertThat(thread).startsWith("boundedElastic-"));
		});
	}

	@Test
	void theDingtalktasksEndpointListsTrackedTasksWithTheirLastStateAndMasksAttributesByDefault() {
		assertThat(endpointAttributes(SecurityContext.NONE)).containsExactly(Map.entry("job", "******"));
	}

	@Test
	void theDingtalktasksEndpointShowsAttributesWhenConfiguredToAlways() {
		assertThat(endpointAttributes(SecurityContext.NONE, "dingtalk.tracker.endpoint.show-attributes=always"))
			.containsExactly(Map.entry("job", "7"));
	}

	@Test
	void theDingtalktasksEndpointShowsAttributesWhenAuthorizedOnlyToUsersWithTheRole() {
		String[] properties = { "dingtalk.tracker.endpoint.show-attributes=when-authorized",
				"dingtalk.tracker.endpoint.roles=ops" };
		assertThat(endpointAttributes(user("ops"), properties)).containsExactly(Map.entry("job", "7"));
		assertThat(endpointAttributes(user("sales"), properties)).containsExactly(Map.entry("job", "******"));
		assertThat(endpointAttributes(SecurityContext.NONE, properties)).containsExactly(Map.entry("job", "******"));
	}

	private Map<String, String> endpointAttributes(SecurityContext asker, String... properties) {
		this.dingtalk.task("long", Duration.ofHours(1), 100);
		AtomicReference<Map<String, String>> attributes = new AtomicReference<>();
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=dingtalktasks")
			.withPropertyValues(properties)
			.run((context) -> {
				context.getBean(StorageTaskTracker.class).track("long", "union", Map.of("job", "7")).block(BLOCK);
				await().atMost(BLOCK).until(() -> this.dingtalk.polls("long") >= 1);
				DingTalkTasksEndpoint endpoint = context.getBean(DingTalkTasksEndpoint.class);
				await().atMost(BLOCK)
					.untilAsserted(() -> assertThat(endpoint.trackedTasks(asker).block(BLOCK).tasks()).singleElement()
						.satisfies((task) -> {
							assertThat(task.lastState()).isNotNull();
							attributes.set(task.attributes());
						}));
			});
		return attributes.get();
	}

	private static SecurityContext user(String role) {
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return () -> "someone";
			}

			@Override
			public boolean isUserInRole(String name) {
				return role.equals(name);
			}

		};
	}

	@Test
	void theDingtalktasksEndpointIsAbsentUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(DingTalkTasksEndpoint.class));
	}

	@Test
	void trackerEnabledFalseLeavesTheTrackerOut() {
		this.runner.withPropertyValues("dingtalk.tracker.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(StorageTaskTracker.class);
		});
	}

	@Test
	void aUserTrackerReplacesOurs() {
		this.runner.withBean(StorageTaskTracker.class, () -> new UserTracker()).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(StorageTaskTracker.class).isInstanceOf(UserTracker.class);
			assertThat(context).doesNotHaveBean(TaskTracker.class);
		});
	}

	@Test
	void invalidTrackerPropertiesStopStartUpNamingTheProperty() {
		this.runner.withPropertyValues("dingtalk.tracker.delivery.max-attempts=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("dingtalk.tracker.delivery.max-attempts"));
	}

	private static void awaitOneCompletedEvent(ApplicationContext context, String outcome) {
		await().atMost(BLOCK)
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(context.getBean(MeterRegistry.class)
				.get("dingtalk.tracker.events")
				.tags("type", "completed", "outcome", outcome)
				.counter()
				.count()).isOne());
	}

	private static SimpleMeterRegistry meters(Iterable<MeterBinder> binders) {
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		binders.forEach((binder) -> binder.bindTo(meters));
		return meters;
	}

	@Configuration(proxyBeanMethods = false)
	static class Listeners {

		final List<StorageTaskCompletedEvent> completed = new CopyOnWriteArrayList<>();

		final List<StorageTaskTrackingFailedEvent> failed = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@EventListener
		@Order(0)
		void completed(StorageTaskCompletedEvent event) {
			this.threads.add(Thread.currentThread().getName());
			this.completed.add(event);
		}

		@EventListener
		void failed(StorageTaskTrackingFailedEvent event) {
			this.failed.add(event);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingTwice {

		final AtomicInteger offers = new AtomicInteger();

		@EventListener
		void completed(StorageTaskCompletedEvent event) {
			if (this.offers.incrementAndGet() <= 2) {
				throw new IllegalStateException("listener down");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FailingFirst {

		final AtomicInteger offers = new AtomicInteger();

		@EventListener
		@Order(Ordered.HIGHEST_PRECEDENCE)
		void completed(StorageTaskCompletedEvent event) {
			this.offers.incrementAndGet();
			throw new IllegalStateException("listener down");
		}

	}

	/** A tracker of the application's own, listing the tasks it was made with. */
	static final class UserTracker implements StorageTaskTracker {

		private final List<TrackedTask> tasks;

		UserTracker(TrackedTask... tasks) {
			this.tasks = List.of(tasks);
		}

		@Override
		public Mono<Void> track(String taskId, String unionId, Map<String, String> attributes) {
			return Mono.empty();
		}

		@Override
		public Mono<Void> track(String taskId) {
			return Mono.empty();
		}

		@Override
		public Mono<Boolean> untrack(String taskId) {
			return Mono.just(false);
		}

		@Override
		public Mono<Boolean> redeliver(String taskId) {
			return Mono.just(false);
		}

		@Override
		public Flux<TrackedTask> trackedTasks() {
			return Flux.fromIterable(this.tasks);
		}

	}

}
