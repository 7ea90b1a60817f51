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
