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

package io.github.dingtalkboot.autoconfigure;

/**
 * {@code dingtalk.cluster.enabled} is set, but nothing names the application in Redis:
 * its access token is a fixed one or comes from its own supplier, so no app key sets its
 * keys apart from another application's on the same Redis. Start-up fails with a report
 * asking for {@code dingtalk.cluster.key-prefix}.
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.1.0
 */
public class DingTalkClusterIdentityException extends IllegalStateException {

	DingTalkClusterIdentityException(String message) {
		super(message);
	}

}
