/**
 * Access tokens for DingTalk calls: suppliers, fetchers for internal and third-party
 * enterprise apps, and the token cache.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.auth;

import org.jspecify.annotations.NullMarked;
