/**
 * The implementation behind {@code io.github.dingtalkboot.core}. Not API: anything here
 * may change in any release; use the types of {@code io.github.dingtalkboot.core} and the
 * auto-configuration instead.
 */
@NullMarked
package io.github.dingtalkboot.core.internal;

import org.jspecify.annotations.NullMarked;
