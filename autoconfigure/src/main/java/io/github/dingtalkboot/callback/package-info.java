/**
 * DingTalk's pushes to the application (callbacks): their signature and encryption.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.callback;

import org.jspecify.annotations.NullMarked;
