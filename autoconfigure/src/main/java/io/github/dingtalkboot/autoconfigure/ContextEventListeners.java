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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.dingtalkboot.storage.internal.EventListeners;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.ResolvableType;

/**
 * The listeners of the application context, found as Spring's multicaster finds them
 * (listener instances, {@code @EventListener} methods included, and listener beans; in
 * their order; by event type and {@code condition}), each offered the tracker's events on
 * its own. Spring's own {@code publishEvent} calls them one after the other and stops at
 * the first that throws, which would keep the others from the event and offer it again to
 * those that took it. Listeners of a parent context are not called.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class ContextEventListeners implements EventListeners {

	private final ConfigurableApplicationContext context;

	ContextEventListeners(ConfigurableApplicationContext context) {
		this.context = context;
	}

	@Override
	public List<Listener> of(Object event) {
		if (!(this.context instanceof AbstractApplicationContext abstractContext)) {
			// no way to list its listeners: the context's own publishing, as one listener
			return List.of(new Listener(this.context, () -> this.context.publishEvent(event)));
		}
		Roster roster = new Roster(this.context);
		abstractContext.getApplicationListeners().forEach(roster::addApplicationListener);
		for (String name : this.context.getBeanNamesForType(ApplicationListener.class, true, false)) {
			roster.addApplicationListenerBean(name);
		}
		PayloadApplicationEvent<Object> payload = new PayloadApplicationEvent<>(this.context, event);
		List<Listener> listeners = new ArrayList<>();
		for (ApplicationListener<?> listener : roster.listenersOf(payload)) {
			listeners.add(new Listener(listener, () -> roster.offer(listener, payload)));
		}
		return listeners;
	}

	/**
	 * A multicaster of the context's listeners used for what Spring's multicaster keeps
	 * to itself: which listeners an event goes to, and calling one of them.
	 */
	private static final class Roster extends SimpleApplicationEventMulticaster {

		Roster(ConfigurableApplicationContext context) {
			super(context.getBeanFactory());
		}

		Collection<ApplicationListener<?>> listenersOf(ApplicationEvent event) {
			return getApplicationListeners(event, ResolvableType.forInstance(event));
		}

		void offer(ApplicationListener<?> listener, ApplicationEvent event) {
			invokeListener(listener, event);
		}

	}

}
