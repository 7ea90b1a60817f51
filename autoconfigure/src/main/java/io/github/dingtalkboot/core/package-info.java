/**
 * The HTTP client of DingTalk's v1.0 APIs and what every call shares: typed exceptions,
 * retries, the rate limiter and the {@code dingtalk.client.requests} observation.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.core;

import org.jspecify.annotations.NullMarked;
