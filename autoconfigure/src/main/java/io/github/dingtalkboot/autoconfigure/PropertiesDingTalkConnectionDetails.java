package io.github.dingtalkboot.autoconfigure;

import java.util.function.BooleanSupplier;

/**
 * {@link DingTalkConnectionDetails} from {@code dingtalk.*} properties.
 */
final class PropertiesDingTalkConnectionDetails implements DingTalkConnectionDetails {

	private final DingTalkProperties properties;

	private final BooleanSupplier suiteTicketSupplied;

	/**
	 * @param suiteTicketSupplied whether a suite ticket comes from elsewhere than
	 * {@code dingtalk.suite-ticket} (a bean), so that its absence is not reported
	 */
	PropertiesDingTalkConnectionDetails(DingTalkProperties properties, BooleanSupplier suiteTicketSupplied) {
		this.properties = properties;
		this.suiteTicketSupplied = suiteTicketSupplied;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	public DingTalkCredentials getCredentials() {
		return CredentialsResolver.of(this.properties, this.suiteTicketSupplied.getAsBoolean());
	}

}
