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

import java.time.Clock;

import io.github.dingtalkboot.auth.CorpAccessTokenSupplier;
import io.github.dingtalkboot.auth.SuiteTicketStore;
import io.github.dingtalkboot.callback.DingTalkCallbackCrypto;
import io.github.dingtalkboot.callback.internal.CallbackLedger;
import io.github.dingtalkboot.callback.internal.CallbackMetrics;
import io.github.dingtalkboot.callback.internal.CallbackReceiver;
import io.github.dingtalkboot.callback.internal.CallbackSettings;
import io.github.dingtalkboot.callback.internal.LocalCallbackLedger;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Auto-configuration of the endpoint DingTalk pushes to, at
 * {@code dingtalk.callback.path}, in a WebFlux or a Spring MVC application (the starter
 * brings neither web server), when the {@link DingTalkCallbackCrypto} is configured
 * ({@code dingtalk.callback.token} and {@code dingtalk.callback.aes-key}). Pushed suite
 * tickets are saved with the {@link SuiteTicketStore}, a withdrawn corp is forgotten by
 * the {@link CorpAccessTokenSupplier}, and every event is published as a
 * {@code DingTalkCallbackEvent} (authorisation changes also as a
 * {@code DingTalkAuthorizationEvent}).
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
@AutoConfiguration(after = { DingTalkAutoConfiguration.class, DingTalkClusterAutoConfiguration.class,
		DingTalkMetricsAutoConfiguration.class })
@ConditionalOnBooleanProperty(name = "dingtalk.enabled", matchIfMissing = true)
@ConditionalOnWebApplication
@ConditionalOnBean(DingTalkCallbackCrypto.class)
public final class DingTalkCallbackAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	CallbackLedger dingTalkCallbackLedger() {
		return new LocalCallbackLedger();
	}

	@Bean
	@ConditionalOnMissingBean
	CallbackReceiver dingTalkCallbackReceiver(DingTalkCallbackCrypto crypto, DingTalkProperties properties,
			CallbackLedger ledger, ObjectProvider<SuiteTicketStore> suiteTickets,
			ObjectProvider<CorpAccessTokenSupplier> corpTokens, ApplicationEventPublisher publisher,
			ObjectProvider<CallbackMetrics> metrics) {
		DingTalkProperties.Callback callback = properties.getCallback();
		return new CallbackReceiver(crypto, new CallbackSettings(callback.getMaxClockSkew(), callback.getTimeout()),
				ledger, suiteTickets.getIfUnique(), corpTokens.getIfUnique(), publisher::publishEvent,
				Schedulers.boundedElastic(), metrics.getIfAvailable(() -> CallbackMetrics.NONE), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.REACTIVE)
	static class OnWebFlux {

		@Bean
		RouterFunction<ServerResponse> dingTalkCallbackRoute(CallbackReceiver receiver, DingTalkProperties properties) {
			return CallbackWebFluxRoute.of(properties.getCallback().getPath(), receiver,
					properties.getCallback().getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = Type.SERVLET)
	@ConditionalOnClass(name = "org.springframework.web.servlet.function.RouterFunction")
	static class OnSpringMvc {

		@Bean
		org.springframework.web.servlet.function.RouterFunction<?> dingTalkCallbackRoute(CallbackReceiver receiver,
				DingTalkProperties properties) {
			return CallbackServletRoute.of(properties.getCallback().getPath(), receiver,
					properties.getCallback().getTimeout());
		}

	}

}
