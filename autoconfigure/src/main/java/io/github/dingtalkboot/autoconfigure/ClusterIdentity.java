package io.github.dingtalkboot.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * What the cluster's Redis keys name a credential by: its public part (app key, or suite
 * key and corp id), never a secret.
 */
final class ClusterIdentity {

	private ClusterIdentity() {
	}

	/**
	 * The identity of the credential the access token and the rate limit belong to.
	 * @param credentials the configured credentials, or {@code null} for none
	 * @return the identity; {@code default} when no credentials are configured (an
	 * application with its own access token supplier)
	 */
	static String of(@Nullable DingTalkCredentials credentials) {
		if (credentials instanceof DingTalkCredentials.InternalApp app) {
			return "app:" + app.appKey();
		}
		if (credentials instanceof DingTalkCredentials.ThirdPartyApp app) {
			return suite(app.suiteKey()) + ":corp:" + app.authCorpId();
		}
		return (credentials instanceof DingTalkCredentials.FixedToken) ? "fixed-token" : "default";
	}

	/**
	 * The identity of the suite a suite ticket belongs to.
	 * @param credentials the configured credentials, or {@code null} for none
	 * @return the identity, or {@code default} for other credentials
	 */
	static String ofSuite(@Nullable DingTalkCredentials credentials) {
		return (credentials instanceof DingTalkCredentials.ThirdPartyApp app) ? suite(app.suiteKey()) : "default";
	}

	private static String suite(String suiteKey) {
		return "suite:" + suiteKey;
	}

	/**
	 * The configured credentials, if any.
	 * @param connectionDetails where the credentials come from
	 * @param properties the properties, for credentials the details leave to them
	 * @return the credentials, or {@code null} when none (or no valid ones) are
	 * configured
	 */
	static @Nullable DingTalkCredentials credentials(DingTalkConnectionDetails connectionDetails,
			DingTalkProperties properties) {
		try {
			return CredentialsResolver.of(connectionDetails, properties);
		}
		catch (DingTalkCredentialsException ex) {
			// reported where the access token supplier is made, if it is ours
			return null;
		}
	}

}
