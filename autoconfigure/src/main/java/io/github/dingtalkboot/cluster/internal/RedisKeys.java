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
 * @author dingtalk-spring-boot maintainers
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
