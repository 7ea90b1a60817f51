package io.github.dingtalkboot.auth.internal;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.github.dingtalkboot.auth.AccessTokenSupplier;
import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.core.DingTalkException;

/**
 * The tokens of one corp of a third-party app, for calls that name no corp: those of the
 * default corp ({@code dingtalk.auth-corp-id}), or, without one, a clear failure before
 * anything is sent.
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
