package io.github.dingtalkboot.cluster.internal;

import org.jspecify.annotations.Nullable;

/**
 * Redis did not answer; the caller goes on with local state. Never reaches the
 * application.
 */
public final class ClusterUnavailableException extends RuntimeException {

	ClusterUnavailableException(String message, @Nullable Throwable cause) {
		super(message, cause, false, false);
	}

}
