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

package io.github.dingtalkboot.callback;

import io.github.dingtalkboot.core.DingTalkException;

/**
 * A push that claims to come from DingTalk was refused: it is malformed or too large, its
 * signature or owner key is not this application's, or it is stale or replayed. Its
 * message names the reason, never the content, the token or the key.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
public class DingTalkCallbackRejectedException extends DingTalkException {

	private final Reason reason;

	/**
	 * Create an exception.
	 * @param reason why the push was refused
	 * @param message what was wrong, safe to log
	 */
	public DingTalkCallbackRejectedException(Reason reason, String message) {
		super(message, null, 0);
		this.reason = reason;
	}

	/**
	 * Why the push was refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a push was refused.
	 */
	public enum Reason {

		/**
		 * Not a push DingTalk sends: a missing part, bad Base64, a length or padding that
		 * does not add up.
		 */
		MALFORMED,

		/**
		 * The signature is not the one the application's token gives: not from DingTalk,
		 * or changed on the way.
		 */
		BAD_SIGNATURE,

		/**
		 * It decrypted, but for another owner (suite key, app key or corp id) than this
		 * application's.
		 */
		WRONG_OWNER_KEY,

		/**
		 * Its body is larger than any push DingTalk sends (64 KB); it was not read
		 * further.
		 */
		TOO_LARGE,

		/**
		 * Its timestamp is further from now than {@code max-clock-skew}: an old push
		 * replayed, or a clock far off.
		 */
		STALE_TIMESTAMP,

		/**
		 * Its nonce was seen in a push accepted within the clock-skew window: a push sent
		 * again by someone else than DingTalk.
		 */
		REPLAYED

	}

}
