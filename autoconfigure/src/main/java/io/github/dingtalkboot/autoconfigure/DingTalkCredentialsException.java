package io.github.dingtalkboot.autoconfigure;

import java.util.List;

/**
 * The {@code dingtalk.*} credentials are missing, incomplete or conflicting. Start-up
 * fails with a report that names the properties to set.
 *
 * @since 0.1.0
 */
public class DingTalkCredentialsException extends IllegalStateException {

	private final transient List<String> properties;

	private final String problem;

	private final String action;

	DingTalkCredentialsException(String problem, List<String> properties, String action) {
		super(problem + " " + action);
		this.problem = problem;
		this.properties = List.copyOf(properties);
		this.action = action;
	}

	/**
	 * What is wrong with the credentials.
	 * @return the problem, naming the properties concerned
	 */
	public String getProblem() {
		return this.problem;
	}

	/**
	 * The properties concerned.
	 * @return the property names, e.g. {@code dingtalk.app-secret}
	 */
	public List<String> getProperties() {
		return this.properties;
	}

	/**
	 * What to do about it.
	 * @return the action, naming the properties to set
	 */
	public String getAction() {
		return this.action;
	}

}
