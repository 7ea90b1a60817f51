/**
 * Testcontainers support: {@code @ServiceConnection(name = "dingtalk")} turns a container
 * standing in for DingTalk into {@code DingTalkConnectionDetails}. Active only with
 * {@code spring-boot-testcontainers} on the classpath.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.testcontainers;

import org.jspecify.annotations.NullMarked;
