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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskCompletedEvent;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import io.github.dingtalkboot.storage.TrackedTask;
import io.github.dingtalkboot.storage.internal.EventListeners;
import org.junit.jupiter.api.Test;

import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The context's listeners of a tracker event, as Spring's multicaster would call them,
 * each on its own.
 */
class ContextEventListenersTests {

	private final StorageTaskCompletedEvent event = new StorageTaskCompletedEvent(
			new StorageTask("t1", StorageTaskStatus.SUCCESS, 1, 1, 0, null, null, null),
			new TrackedTask("t1", "union", Map.of(), Instant.parse("2026-12-06T06:00:00Z"), null));

	@Test
	void eachListenerOfTheEventIsCalledOnItsOwnInItsOrder() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Calls.class)) {
			Calls calls = context.getBean(Calls.class);

			List<EventListeners.Listener> listeners = new ContextEventListeners(context).of(this.event);

			assertThat(listeners).hasSize(3);
			listeners.get(1).offer().run();
			assertThat(calls.calls).containsExactly("bean");
			listeners.get(0).offer().run();
			listeners.get(2).offer().run();
			assertThat(calls.calls).containsExactly("bean", "first", "last");
		}
	}

	@Test
	void aListenerThatThrowsThrowsAloneForItsOffer() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Calls.class,
				Throwing.class)) {
			Calls calls = context.getBean(Calls.class);
			List<EventListeners.Listener> listeners = new ContextEventListeners(context).of(this.event);

			assertThatIllegalStateException().isThrownBy(() -> listeners.get(0).offer().run())
				.withMessage("listener down");
			listeners.subList(1, listeners.size()).forEach((listener) -> listener.offer().run());

			assertThat(calls.calls).containsExactly("first", "bean", "last");
		}
	}

	@Test
	void aListenerIsKnownByTheSameKeyAtEachOffer() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Calls.class)) {
			ContextEventListeners listeners = new ContextEventListeners(context);

			List<Object> first = listeners.of(this.event).stream().map(EventListeners.Listener::key).toList();
			List<Object> second = listeners.of(this.event).stream().map(EventListeners.Listener::key).toList();

			assertThat(first).hasSize(3);
			for (int i = 0; i < first.size(); i++) {
				assertThat(second.get(i)).isSameAs(first.get(i));
			}
		}
	}

	@Test
	void aListenerAddedAfterStartUpIsCalledToo() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Calls.class)) {
			List<Object> added = new CopyOnWriteArrayList<>();
			context.addApplicationListener(ApplicationListener.forPayload(added::add));

			new ContextEventListeners(context).of(this.event).forEach((listener) -> listener.offer().run());

			assertThat(added).containsExactly(this.event);
		}
	}

	@Test
	void listenersOfOtherEventsAreLeftOut() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext(Calls.class,
				OtherEvents.class)) {
			assertThat(new ContextEventListeners(context).of(this.event)).hasSize(3);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Calls {

		final List<String> calls = new CopyOnWriteArrayList<>();

		@EventListener
		@Order(1)
		void first(StorageTaskCompletedEvent event) {
			this.calls.add("first");
		}

		@EventListener
		@Order(3)
		void last(StorageTaskCompletedEvent event) {
			this.calls.add("last");
		}

		@Bean
		BeanListener beanListener() {
			return new BeanListener(this.calls);
		}

	}

	/** A listener bean, ordered between the two listener methods. */
	record BeanListener(List<String> calls)
			implements
				ApplicationListener<PayloadApplicationEvent<StorageTaskCompletedEvent>>,
				Ordered {

		@Override
		public void onApplicationEvent(PayloadApplicationEvent<StorageTaskCompletedEvent> event) {
			this.calls.add("bean");
		}

		@Override
		public int getOrder() {
			return 2;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Throwing {

		@EventListener
		@Order(0)
		void fail(StorageTaskCompletedEvent event) {
			throw new IllegalStateException("listener down");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OtherEvents {

		@EventListener
		void other(String event) {
		}

		@EventListener
		void refreshed(org.springframework.context.event.ContextRefreshedEvent event) {
		}

	}

}
