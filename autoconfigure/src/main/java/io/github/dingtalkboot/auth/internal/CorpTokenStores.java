package io.github.dingtalkboot.auth.internal;

/**
 * Where the instances of a third-party app keep each corp's one access token (Redis when
 * the cluster is on).
 */
@FunctionalInterface
public interface CorpTokenStores {

	/**
	 * The store of one corp's token.
	 * @param corpId the corp, checked already
	 * @return its store
	 */
	SharedTokenStore forCorp(String corpId);

}
