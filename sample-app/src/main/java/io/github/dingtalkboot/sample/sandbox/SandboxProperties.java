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

package io.github.dingtalkboot.sample.sandbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the embedded DingTalk sandbox behaves.
 *
 * @param failureRate share of sandbox answers that are 503 {@code operationTimeout}, so
 * retries show
 * @param taskDuration how long a demo task runs (each one between half and one and a half
 * times this)
 * @author dingtalk-spring-boot maintainers
 */
@ConfigurationProperties("sample.sandbox")
record SandboxProperties(@DefaultValue("0.05") double failureRate, @DefaultValue("10s") Duration taskDuration) {

}
