/**
 * The implementation behind {@code io.github.dingtalkboot.callback}: receiving DingTalk's
 * pushes, independent of the web stack. Not API: anything here may change in any release;
 * use the types of {@code io.github.dingtalkboot.callback} and the auto-configuration
 * instead.
 */
@NullMarked
package io.github.dingtalkboot.callback.internal;

import org.jspecify.annotations.NullMarked;
