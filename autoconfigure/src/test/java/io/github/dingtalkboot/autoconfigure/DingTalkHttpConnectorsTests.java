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

import java.time.Duration;
import java.util.List;

import io.github.dingtalkboot.core.internal.HttpSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.http.client.HttpClientSettings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which timeouts DingTalk calls get: {@code dingtalk.http.*}, else Spring Boot's
 * {@code spring.http.clients.*}, else the starter's defaults.
 */
class DingTalkHttpConnectorsTests {

	private final DingTalkProperties.Http properties = new DingTalkProperties().getHttp();

	@Test
	void withNothingSetTheStartersDefaultsApply() {
		HttpSettings settings = connectors(null).httpSettings();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void bootsConnectAndReadTimeoutsApplyWhenDingTalksAreNotSet() {
		HttpSettings settings = connectors(
				HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)))
			.httpSettings();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void dingTalksTimeoutsWinOverBoots() {
		this.properties.setConnectTimeout(Duration.ofMillis(700));
		this.properties.setResponseTimeout(Duration.ofMillis(900));
		HttpSettings settings = connectors(
				HttpClientSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3)))
			.httpSettings();
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofMillis(700));
		assertThat(settings.responseTimeout()).isEqualTo(Duration.ofMillis(900));
	}

	@Test
	void thePoolSizeIsTheStartersOwn() {
		this.properties.setMaxConnections(7);
		this.properties.setMaxPendingAcquires(70);
		HttpSettings settings = connectors(null).httpSettings();
		assertThat(settings.maxConnections()).isEqualTo(7);
		assertThat(settings.maxPendingAcquires()).isEqualTo(70);
	}

	private DingTalkHttpConnectors connectors(HttpClientSettings boot) {
		return new DingTalkHttpConnectors(this.properties, boot, null, null, List.of());
	}

}
