package io.github.dingtalkboot.autoconfigure;

/**
 * {@link DingTalkConnectionDetails} from {@code dingtalk.*} properties.
 */
final class PropertiesDingTalkConnectionDetails implements DingTalkConnectionDetails {

	private final DingTalkProperties properties;

	PropertiesDingTalkConnectionDetails(DingTalkProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public DingTalkCredentials getCredentials() {
		return CredentialsResolver.of(this.properties);
	}

}
