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

package io.github.dingtalkboot.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A summary of the starter's own metrics for the page: retries so far and the latency of
 * task calls (retries included).
 *
 * @author dingtalk-spring-boot maintainers
 */
@RestController
class StarterMetricsController {

	private final MeterRegistry meters;

	StarterMetricsController(MeterRegistry meters) {
		this.meters = meters;
	}

	@GetMapping("/api/metrics/summary")
	Map<String, Object> summary() {
		double retries = this.meters.find("dingtalk.client.retries")
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		long calls = 0;
		double totalMillis = 0;
		double maxMillis = 0;
		for (Timer timer : this.meters.find("dingtalk.client.requests")
			.tag("dingtalk.operation", "storage.task.get")
			.timers()) {
			calls += timer.count();
			totalMillis += timer.totalTime(TimeUnit.MILLISECONDS);
			maxMillis = Math.max(maxMillis, timer.max(TimeUnit.MILLISECONDS));
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("taskCalls", calls);
		summary.put("retries", (long) retries);
		summary.put("meanCallMillis", (calls > 0) ? Math.round(totalMillis / calls) : 0);
		summary.put("maxCallMillis", Math.round(maxMillis));
		return summary;
	}

}
