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

import reactor.core.publisher.Mono;

/**
 * A piece of the cluster's state in Redis that can try its scripts and commands once at
 * start-up, so that what Redis refuses for good (a missing ACL permission, a key of the
 * wrong type, a server too old for a script) stops start-up instead of running degraded.
 *
 * @author dingtalk-spring-boot maintainers
 */
public interface RedisCheck {

	/**
	 * Run this piece's scripts once, changing nothing that matters.
	 * @return a Mono that completes when Redis ran them; fails with
	 * {@link ClusterUnavailableException} otherwise
	 */
	Mono<Void> check();

}
