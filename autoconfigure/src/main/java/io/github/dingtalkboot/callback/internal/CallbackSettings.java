package io.github.dingtalkboot.callback.internal;

import java.time.Duration;

/**
 * How the callback checks and handles pushes.
 *
 * @param maxClockSkew how far a push's timestamp may be from now
 * @param timeout how long handling a push (saving a ticket, the listeners) may take
 * before it is answered not-success
 */
public record CallbackSettings(Duration maxClockSkew, Duration timeout) {

}
