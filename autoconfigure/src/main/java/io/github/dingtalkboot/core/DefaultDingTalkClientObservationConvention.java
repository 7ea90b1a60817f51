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

package io.github.dingtalkboot.core;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation.HighCardinalityKeyNames;
import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import org.jspecify.annotations.Nullable;

/**
 * The default names and tags of the {@code dingtalk.client.requests} observation. Task
 * ids, operator ids and request ids stay out of the metric tags; the error code is
 * bounded to the codes DingTalk documents ({@code OTHER} otherwise).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DefaultDingTalkClientObservationConvention implements DingTalkClientObservationConvention {

	/** The observation's name, and so the timer's. */
	public static final String NAME = "dingtalk.client.requests";

	/** Outcome of a call that got its answer. */
	public static final String OUTCOME_SUCCESS = "SUCCESS";

	/** Outcome of a call DingTalk answered with a 4xx other than throttling. */
	public static final String OUTCOME_CLIENT_ERROR = "CLIENT_ERROR";

	/**
	 * Outcome of a call DingTalk answered with a 5xx, or with a body that could not be
	 * read.
	 */
	public static final String OUTCOME_SERVER_ERROR = "SERVER_ERROR";

	/** Outcome of a throttled call. */
	public static final String OUTCOME_THROTTLED = "THROTTLED";

	/** Outcome of a call that got no usable answer. */
	public static final String OUTCOME_TRANSPORT_ERROR = "TRANSPORT_ERROR";

	/** Outcome of a call its caller cancelled. */
	public static final String OUTCOME_CANCELLED = "CANCELLED";

	// the usual values' key values, made once: a call makes them twice (start and stop)
	// and a running watch holds them

	private static final Map<String, KeyValue> OUTCOMES = known(LowCardinalityKeyNames.OUTCOME, List.of(OUTCOME_SUCCESS,
			OUTCOME_CLIENT_ERROR, OUTCOME_SERVER_ERROR, OUTCOME_THROTTLED, OUTCOME_TRANSPORT_ERROR, OUTCOME_CANCELLED));

	private static final Map<String, KeyValue> ERROR_CODES = known(LowCardinalityKeyNames.ERROR_CODE,
			Stream.concat(Stream.of("none", "OTHER"), DingTalkErrorCodes.DOCUMENTED.stream()).toList());

	private static final KeyValue NO_STATUS = KeyValue.of(LowCardinalityKeyNames.STATUS, "NONE");

	private static final KeyValue[] STATUSES = IntStream.range(0, 600)
		.mapToObj((status) -> KeyValue.of(LowCardinalityKeyNames.STATUS, Integer.toString(status)))
		.toArray(KeyValue[]::new);

	private static final KeyValue[] ATTEMPTS = IntStream.range(0, 17)
		.mapToObj((attempts) -> KeyValue.of(LowCardinalityKeyNames.ATTEMPTS,
				(attempts > 0) ? Integer.toString(attempts) : "NONE"))
		.toArray(KeyValue[]::new);

	/**
	 * Learnt as calls are made, by this convention only; bounded, in case an operation
	 * name is not a constant.
	 */
	private final Map<String, KeyValue> operations = new ConcurrentHashMap<>();

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DingTalkClientObservationContext context) {
		return "dingtalk " + context.getOperation();
	}

	private static KeyValue status(@Nullable Integer status) {
		if (status == null) {
			return NO_STATUS;
		}
		return (status >= 0 && status < STATUSES.length) ? STATUSES[status]
				: KeyValue.of(LowCardinalityKeyNames.STATUS, status.toString());
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DingTalkClientObservationContext context) {
		int attempts = context.getAttempts();
		return KeyValues.of(operation(context.getOperation()),
				keyValue(OUTCOMES, LowCardinalityKeyNames.OUTCOME, outcome(context)), status(context.getStatus()),
				keyValue(ERROR_CODES, LowCardinalityKeyNames.ERROR_CODE, errorCode(context)),
				(attempts < ATTEMPTS.length) ? ATTEMPTS[Math.max(attempts, 0)]
						: KeyValue.of(LowCardinalityKeyNames.ATTEMPTS, Integer.toString(attempts)));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(DingTalkClientObservationContext context) {
		KeyValues values = KeyValues.empty();
		if (context.getTaskId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.TASK_ID, context.getTaskId()));
		}
		if (context.getRequestId() != null) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.REQUEST_ID, context.getRequestId()));
		}
		if (context.getPolls() > 0) {
			values = values.and(KeyValue.of(HighCardinalityKeyNames.POLLS, Integer.toString(context.getPolls())));
		}
		return values;
	}

	/**
	 * The outcome of a call.
	 * @param context the call
	 * @return one of the {@code OUTCOME_*} values
	 */
	protected String outcome(DingTalkClientObservationContext context) {
		if (context.isCancelled()) {
			return OUTCOME_CANCELLED;
		}
		Throwable error = context.getError();
		if (error == null) {
			return OUTCOME_SUCCESS;
		}
		if (error instanceof DingTalkThrottledException) {
			return OUTCOME_THROTTLED;
		}
		if (error instanceof DingTalkApiException api) {
			return (api.getStatusCode() >= 500) ? OUTCOME_SERVER_ERROR : OUTCOME_CLIENT_ERROR;
		}
		if (error instanceof DingTalkTransportException) {
			return OUTCOME_TRANSPORT_ERROR;
		}
		if (error instanceof DingTalkMalformedResponseException) {
			return OUTCOME_SERVER_ERROR;
		}
		return OUTCOME_CLIENT_ERROR;
	}

	/**
	 * The error code tag: DingTalk's code when it is documented, {@code OTHER} when not.
	 * @param context the call
	 * @return the tag value
	 */
	protected String errorCode(DingTalkClientObservationContext context) {
		String code = context.getErrorCode();
		if (code == null) {
			return "none";
		}
		return DingTalkErrorCodes.DOCUMENTED.contains(code) ? code : "OTHER";
	}

	private KeyValue operation(String operation) {
		KeyValue keyValue = this.operations.get(operation);
		if (keyValue == null) {
			keyValue = KeyValue.of(LowCardinalityKeyNames.OPERATION, operation);
			if (this.operations.size() < 64) {
				this.operations.putIfAbsent(operation, keyValue);
			}
		}
		return keyValue;
	}

	private static KeyValue keyValue(Map<String, KeyValue> known, KeyName key, String value) {
		KeyValue keyValue = known.get(value);
		return (keyValue != null) ? keyValue : KeyValue.of(key, value);
	}

	private static Map<String, KeyValue> known(KeyName key, List<String> values) {
		return values.stream()
			.distinct()
			.collect(Collectors.toUnmodifiableMap((value) -> value, (value) -> KeyValue.of(key, value)));
	}

}
