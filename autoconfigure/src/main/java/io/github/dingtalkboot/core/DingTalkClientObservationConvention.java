package io.github.dingtalkboot.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the {@code dingtalk.client.requests} observation. Declare a bean of this
 * type to replace {@link DefaultDingTalkClientObservationConvention}.
 *
 * @since 0.1.0
 */
public interface DingTalkClientObservationConvention extends ObservationConvention<DingTalkClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof DingTalkClientObservationContext;
	}

}
