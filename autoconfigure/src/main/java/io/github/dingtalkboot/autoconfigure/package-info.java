/**
 * Spring Boot auto-configuration of the DingTalk client, its properties, connection
 * details and customizers.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
