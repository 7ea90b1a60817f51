/**
 * The implementation behind {@code io.github.dingtalkboot.storage}. Not API: anything
 * here may change in any release; use the types of {@code io.github.dingtalkboot.storage}
 * and the auto-configuration instead.
 */
@NullMarked
package io.github.dingtalkboot.storage.internal;

import org.jspecify.annotations.NullMarked;
