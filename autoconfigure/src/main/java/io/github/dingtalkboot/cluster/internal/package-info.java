/**
 * The state the instances of an application share through Redis (Spring Data Redis,
 * reactive): the access token, the suite ticket, the rate-limit schedule and the tracked
 * tasks, with local fallbacks while Redis cannot be reached. Not API: anything here may
 * change in any release; turn it on with {@code dingtalk.cluster.enabled}.
 */
@NullMarked
package io.github.dingtalkboot.cluster.internal;

import org.jspecify.annotations.NullMarked;
