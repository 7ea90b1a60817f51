/**
 * DingTalk's storage task API:
 * {@link io.github.dingtalkboot.storage.StorageTaskOperations} and its blocking
 * counterpart, the task record and its exceptions.
 * <p>
 * Types are non-null unless annotated {@code @Nullable}.
 */
@NullMarked
package io.github.dingtalkboot.storage;

import org.jspecify.annotations.NullMarked;
