package io.github.dingtalkboot.auth;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An access token as a token endpoint issued it.
 *
 * @param value the token
 * @param expiresIn the lifetime DingTalk announced ({@code expireIn}), or {@code null}
 * when it sent none
 * @since 0.1.0
 */
public record AccessToken(String value, @Nullable Duration expiresIn) {

	/**
	 * Check the token.
	 */
	public AccessToken {
		Objects.requireNonNull(value, "value must not be null");
	}

	/**
	 * Never shows the token itself.
	 * @return a description without the token
	 */
	@Override
	public String toString() {
		return "AccessToken[value=******, expiresIn=" + this.expiresIn + "]";
	}

}
