package io.github.dingtalkboot.storage;

import io.github.dingtalkboot.core.DingTalkApiException;

/**
 * DingTalk knows no storage task with the id asked for (HTTP 404 {@code taskNotExist}).
 *
 * @since 0.1.0
 */
public class StorageTaskNotFoundException extends DingTalkApiException {

	/**
	 * Give DingTalk's {@code taskNotExist} answer its own type.
	 * @param source the answer as a generic API exception, kept as the cause
	 */
	public StorageTaskNotFoundException(DingTalkApiException source) {
		super(source, source, source.getAttempts());
	}

	private StorageTaskNotFoundException(StorageTaskNotFoundException source, int attempts) {
		super(source, source.getCause(), attempts);
	}

	@Override
	public StorageTaskNotFoundException withAttempts(int attempts) {
		return new StorageTaskNotFoundException(this, attempts);
	}

}
