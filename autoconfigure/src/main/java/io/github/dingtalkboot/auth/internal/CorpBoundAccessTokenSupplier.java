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

package io.github.dingtalkboot.auth.internal;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The tokens of one corp of a third-party app, for calls that name no corp: those of the
 * default corp ({@code dingtalk.auth-corp-id}), or, without one, a clear failure before
 * anything is sent.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class CorpBoundAccessTokenSupplier implements AccessTokenSupplier {

	private static final Log logger = LogFactory.getLog(CorpBoundAccessTokenSupplier.class);

	private final CorpAccessTokenSupplier corps;

	private final @Nullable String corpId;

	private final String noCorp;

	/**
	 * Create a supplier.
	 * @param corps the tokens of every corp
	 * @param corpId the corp, or {@code null} when calls must name theirs
	 * @param noCorp what a call without a corp is told when there is none
	 */
	public CorpBoundAccessTokenSupplier(CorpAccessTokenSupplier corps, @Nullable String corpId, String noCorp) {
		this.corps = corps;
		this.corpId = corpId;
		this.noCorp = noCorp;
	}

	/**
	 * The tokens of every corp this supplier takes the default corp's from.
	 * @return the corp tokens
	 */
	public CorpAccessTokenSupplier corps() {
		return this.corps;
	}

	@Override
	public Mono<String> getAccessToken() {
		String corp = this.corpId;
		if (corp == null) {
			return Mono.error(() -> new DingTalkException(this.noCorp));
		}
		return this.corps.getAccessToken(corp);
	}

	@Override
	public void invalidate(String token) {
		String corp = this.corpId;
		if (corp != null) {
			this.corps.invalidate(corp, token)
				.subscribe(null, (ex) -> logger.debug("Forgetting a rejected corp token failed", ex));
		}
	}

	@Override
	public String toString() {
		return "CorpBoundAccessTokenSupplier[corpId=" + this.corpId + "]";
	}

}
