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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of DingTalk calls: one {@code dingtalk.client.requests} observation per
 * logical call, covering its retries and any access-token fetch it waited for. Each HTTP
 * attempt is a child {@code http.client.requests} observation.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public enum DingTalkClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One logical DingTalk call.
	 */
	DINGTALK_CLIENT_REQUESTS {

		// the convention type: its default implementation,
		// DefaultDingTalkClientObservationConvention,
		// names these key names, and this documentation must not name it back
		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DingTalkClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Tags of the metrics: a small, fixed set of values each.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The logical operation: {@code storage.task.get}, {@code oauth2.access-token},
		 * and so on.
		 */
		OPERATION {
			@Override
			public String asString() {
				return "dingtalk.operation";
			}
		},

		/**
		 * {@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code THROTTLED},
		 * {@code TRANSPORT_ERROR} or {@code CANCELLED}.
		 */
		OUTCOME {
			@Override
			public String asString() {
				return "outcome";
			}
		},

		/** The final HTTP status, or {@code NONE} when no answer came. */
		STATUS {
			@Override
			public String asString() {
				return "status";
			}
		},

		/**
		 * DingTalk's error code if it is one DingTalk documents, {@code OTHER} if not,
		 * {@code none} on success.
		 */
		ERROR_CODE {
			@Override
			public String asString() {
				return "error.code";
			}
		},

		/**
		 * The number of HTTP attempts made, {@code NONE} for a call that made none itself
		 * (a watch).
		 */
		ATTEMPTS {
			@Override
			public String asString() {
				return "attempts";
			}
		}

	}

	/**
	 * Keys for traces only, never metric tags.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/** The storage task id. */
		TASK_ID {
			@Override
			public String asString() {
				return "dingtalk.task.id";
			}
		},

		/** DingTalk's request id of the last answer. */
		REQUEST_ID {
			@Override
			public String asString() {
				return "dingtalk.request.id";
			}
		},

		/** The number of polls a watch made. */
		POLLS {
			@Override
			public String asString() {
				return "dingtalk.watch.polls";
			}
		}

	}

}
