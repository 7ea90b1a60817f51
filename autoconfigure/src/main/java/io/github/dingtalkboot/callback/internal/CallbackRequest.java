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

package io.github.dingtalkboot.callback.internal;

import org.jspecify.annotations.Nullable;

/**
 * A push as the web layer received it.
 *
 * @param signature the query's {@code msg_signature}, else its {@code signature}
 * @param timestamp the query's {@code timestamp}
 * @param nonce the query's {@code nonce}
 * @param body the body, at most {@link CallbackReceiver#MAX_BODY_BYTES} of it
 * @param tooLarge whether the body was larger than that (and not read further)
 * @author dingtalk-spring-boot maintainers
 */
public record CallbackRequest(@Nullable String signature, @Nullable String timestamp, @Nullable String nonce,
		byte[] body, boolean tooLarge) {

	@Override
	public String toString() {
		return "CallbackRequest[timestamp=" + this.timestamp + ", nonce=" + this.nonce + ", " + this.body.length
				+ " bytes]";
	}

}
