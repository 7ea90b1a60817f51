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

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.dingtalkboot.storage.TrackedTask;
import org.jspecify.annotations.Nullable;

/**
 * The tasks this instance holds, and the removals the store has not carried out yet
 * (untracked or delivered in an outage). Its entries and removals are read and written on
 * the schedule's loop only; the held tasks themselves are kept apart for readers on other
 * threads.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class HeldTasks {

	private final Map<String, TrackedTask> held = new ConcurrentHashMap<>();

	private final Map<String, TrackedEntry> entries = new HashMap<>();

	private final Set<String> removals = new HashSet<>();

	@Nullable TrackedEntry get(String taskId) {
		return this.entries.get(taskId);
	}

	boolean contains(String taskId) {
		return this.entries.containsKey(taskId);
	}

	/**
	 * Whether an entry is still the one held for its task: an answer about an entry
	 * forgotten since (and perhaps held again) is not about the held one.
	 * @param entry the entry
	 * @return {@code true} when it is held
	 */
	boolean isCurrent(TrackedEntry entry) {
		return this.entries.get(entry.taskId()) == entry;
	}

	void add(TrackedEntry entry) {
		this.removals.remove(entry.taskId());
		this.entries.put(entry.taskId(), entry);
		this.held.put(entry.taskId(), entry.task);
	}

	void updated(TrackedEntry entry) {
		this.held.put(entry.taskId(), entry.task);
	}

	boolean remove(TrackedEntry entry) {
		if (!isCurrent(entry)) {
			return false;
		}
		this.entries.remove(entry.taskId());
		this.held.remove(entry.taskId());
		return true;
	}

	List<TrackedEntry> entries() {
		return List.copyOf(this.entries.values());
	}

	void removalPending(String taskId) {
		this.removals.add(taskId);
	}

	boolean isRemovalPending(String taskId) {
		return this.removals.contains(taskId);
	}

	List<String> pendingRemovals() {
		return List.copyOf(this.removals);
	}

	void removed(Collection<String> taskIds) {
		this.removals.removeAll(taskIds);
	}

	// for any thread

	boolean isHeld(String taskId) {
		return this.held.containsKey(taskId);
	}

	/**
	 * Stop holding a task, from any thread: the loop forgets its entry next.
	 * @param taskId the task
	 * @return {@code true} when it was held
	 */
	boolean release(String taskId) {
		return this.held.remove(taskId) != null;
	}

	Collection<TrackedTask> heldTasks() {
		return this.held.values();
	}

	List<String> heldIds() {
		return List.copyOf(this.held.keySet());
	}

	int size() {
		return this.held.size();
	}

}
