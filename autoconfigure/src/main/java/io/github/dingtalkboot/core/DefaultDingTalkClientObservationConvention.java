package io.github.dingtalkboot.core;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation.HighCardinalityKeyNames;
import io.github.dingtalkboot.core.DingTalkClientObservationDocumentation.LowCardinalityKeyNames;

/**
 * The default names and tags of the {@code dingtalk.client.requests} observation. Task
 * ids, operator ids and request ids stay out of the metric tags; the error code is
 * bounded to the codes DingTalk documents ({@code OTHER} otherwise).
 *
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

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(DingTalkClientObservationContext context) {
		return "dingtalk " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(DingTalkClientObservationContext context) {
		return KeyValues.of(KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation()),
				KeyValue.of(LowCardinalityKeyNames.OUTCOME, outcome(context)),
				KeyValue.of(LowCardinalityKeyNames.STATUS,
						(context.getStatus() != null) ? context.getStatus().toString() : "NONE"),
				KeyValue.of(LowCardinalityKeyNames.ERROR_CODE, errorCode(context)),
				KeyValue.of(LowCardinalityKeyNames.ATTEMPTS,
						(context.getAttempts() > 0) ? Integer.toString(context.getAttempts()) : "NONE"));
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

}
