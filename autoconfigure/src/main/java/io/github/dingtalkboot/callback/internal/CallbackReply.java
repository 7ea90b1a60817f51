package io.github.dingtalkboot.callback.internal;

/**
 * The answer to a push: its HTTP status and JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
public record CallbackReply(int status, String body) {

}
