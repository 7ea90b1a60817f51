/**
 * Test support for applications that use the DingTalk starter: {@link DingTalkSandbox}, a
 * fake DingTalk on a real port whose tasks a test scripts,
 * {@link AutoConfigureDingTalkSandbox} for Spring Boot tests and
 * {@link DingTalkSandboxExtension} for tests without Spring.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.test;

import org.jspecify.annotations.NullMarked;
