package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where DingTalk is reached. The auto-configuration reads it from a bean of this type
 * when one exists (e.g. one made by {@code @ServiceConnection}), else from
 * {@code dingtalk.base-url}.
 *
 * @since 0.1.0
 */
public interface DingTalkConnectionDetails extends ConnectionDetails {

	/**
	 * DingTalk's API base URL, e.g. {@code https://api.dingtalk.io}.
	 * @return the base URL
	 */
	String getBaseUrl();

}
