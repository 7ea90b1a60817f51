/**
 * The implementation behind {@code io.github.dingtalkboot.auth}. Not API: anything here
 * may change in any release; use the types of {@code io.github.dingtalkboot.auth} and the
 * auto-configuration instead.
 */
@NullMarked
package io.github.dingtalkboot.auth.internal;

import org.jspecify.annotations.NullMarked;
