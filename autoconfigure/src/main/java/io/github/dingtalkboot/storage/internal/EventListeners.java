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

package io.github.dingtalkboot.storage.internal;

import java.util.List;

/**
 * The application's listeners of the tracker's events. The tracker offers an event to
 * each listener on its own, so that one that throws or hangs keeps no other from the
 * event, and one that took it is not offered it again when another failed.
 *
 * @author dingtalk-spring-boot maintainers
 */
@FunctionalInterface
public interface EventListeners {

	/**
	 * The listeners of an event, in the order they are to be called.
	 * @param event the event
	 * @return its listeners, each with the event to offer
	 */
	List<Listener> of(Object event);

	/**
	 * One listener, ready to be offered one event.
	 *
	 * @param key the same object for as long as the listener listens (compared by
	 * identity): an event is not offered again to a listener that took it
	 * @param offer offers the event, throwing what the listener throws
	 */
	record Listener(Object key, Runnable offer) {
	}

}
