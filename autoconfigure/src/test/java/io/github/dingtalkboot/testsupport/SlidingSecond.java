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

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How many requests fell into the busiest sliding second: what DingTalk's per-second
 * limit sees.
 */
public final class SlidingSecond {

	private SlidingSecond() {
	}

	/**
	 * The most moments within any one second.
	 * @param nanos the moments, in nanoseconds, in any order
	 * @return the count
	 */
	public static int most(Collection<Long> nanos) {
		List<Long> sorted = new ArrayList<>(nanos);
		Collections.sort(sorted);
		int most = 0;
		int first = 0;
		for (int last = 0; last < sorted.size(); last++) {
			while (sorted.get(last) - sorted.get(first) >= TimeUnit.SECONDS.toNanos(1)) {
				first++;
			}
			most = Math.max(most, last - first + 1);
		}
		return most;
	}

}
