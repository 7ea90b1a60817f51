package io.github.dingtalkboot.cluster.internal;

import org.springframework.util.Assert;

/**
 * The Redis keys of one credential: {@code <prefix>:{<identity>}:<name>}. The identity
 * (an app key, or a suite key and corp id) names the credential, never its secret; the
 * braces keep one credential's keys in one Redis Cluster slot, which the scripts that
 * touch two of them need.
 *
 * @param prefix what every key starts with
 * @param identity the credential's identity
 */
public record RedisKeys(String prefix, String identity) {

	/**
	 * Check the parts.
	 */
	public RedisKeys {
		Assert.hasText(prefix, "prefix must not be empty");
		Assert.hasText(identity, "identity must not be empty");
	}

	/**
	 * The key of a named entry.
	 * @param name the entry, e.g. {@code token}
	 * @return the key
	 */
	public String key(String name) {
		return this.prefix + ":{" + this.identity + "}:" + name;
	}

}
