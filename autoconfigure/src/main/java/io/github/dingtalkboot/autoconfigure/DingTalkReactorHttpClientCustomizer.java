package io.github.dingtalkboot.autoconfigure;

import reactor.netty.http.client.HttpClient;

/**
 * Customizes the Reactor Netty {@link HttpClient} of DingTalk calls only, after Spring
 * Boot's HTTP client settings ({@code spring.http.clients.*}, overlaid by
 * {@code dingtalk.http.*}) were applied; the starter's own connection pool and event
 * loops stay. For example, a proxy for DingTalk calls only: <pre>{@code
 * &#64;Bean
 * DingTalkReactorHttpClientCustomizer dingTalkProxy() {
 *     return (httpClient) -> httpClient.proxy((proxy) -> proxy.type(ProxyProvider.Proxy.HTTP)
 *         .host("proxy.example.com")
 *         .port(3128));
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface DingTalkReactorHttpClientCustomizer {

	/**
	 * Customize the client of DingTalk calls.
	 * @param httpClient the client
	 * @return the customized client (Reactor Netty's clients are immutable)
	 */
	HttpClient customize(HttpClient httpClient);

}
