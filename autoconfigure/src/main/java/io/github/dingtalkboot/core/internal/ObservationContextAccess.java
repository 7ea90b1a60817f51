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

package io.github.dingtalkboot.core.internal;

import io.github.dingtalkboot.core.DingTalkClientObservationContext;
import org.jspecify.annotations.Nullable;

/**
 * How the client records a call's progress in its
 * {@link DingTalkClientObservationContext}, whose mutators are not public: the context
 * installs its {@link Recorder} here when its class is initialized. Not API.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class ObservationContextAccess {

	private static volatile @Nullable Recorder recorder;

	private ObservationContextAccess() {
	}

	/**
	 * Called once, by {@link DingTalkClientObservationContext}'s static initializer.
	 * @param installed the context's recorder
	 */
	public static void install(Recorder installed) {
		recorder = installed;
	}

	/**
	 * The recorder the context installed.
	 * @return the recorder
	 */
	public static Recorder recorder() {
		// every context handed to the recorder was constructed, so its class, whose
		// initializer installs the recorder, is initialized
		Recorder installed = recorder;
		if (installed == null) {
			throw new IllegalStateException("DingTalkClientObservationContext installed no recorder");
		}
		return installed;
	}

	/**
	 * Updates a context as its call progresses.
	 */
	public interface Recorder {

		/**
		 * An HTTP attempt starts: counts it and forgets the previous attempt's answer.
		 * @param context the call's context
		 */
		void attemptStarted(DingTalkClientObservationContext context);

		/**
		 * DingTalk answered.
		 * @param context the call's context
		 * @param status the HTTP status
		 * @param errorCode the error code, or {@code null}
		 * @param requestId the request id, or {@code null}
		 */
		void answered(DingTalkClientObservationContext context, int status, @Nullable String errorCode,
				@Nullable String requestId);

		/**
		 * A watch's context takes the answer of one of its polls.
		 * @param context the watch's context
		 * @param call the poll's context
		 */
		void answeredAs(DingTalkClientObservationContext context, DingTalkClientObservationContext call);

		/**
		 * The subscriber cancelled the call.
		 * @param context the call's context
		 */
		void cancelled(DingTalkClientObservationContext context);

		/**
		 * A watch's poll was answered.
		 * @param context the watch's context
		 */
		void pollAnswered(DingTalkClientObservationContext context);

	}

}
