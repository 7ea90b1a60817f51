package io.github.dingtalkboot.storage.internal;

import java.util.List;

/**
 * The application's listeners of the tracker's events. The tracker offers an event to
 * each listener on its own, so that one that throws or hangs keeps no other from the
 * event, and one that took it is not offered it again when another failed.
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
