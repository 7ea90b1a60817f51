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
