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

/**
 * Where the instances of a third-party app keep each corp's one access token (Redis when
 * the cluster is on).
 *
 * @author dingtalk-spring-boot maintainers
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
