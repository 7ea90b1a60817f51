package io.github.dingtalkboot.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code dingtalk.suite-key} and {@code dingtalk.suite-secret} both have
 * text: a property set to an empty value ({@code suite-key: ${DINGTALK_SUITE_KEY:}}, as
 * configurations that serve either kind of app write) is not a third-party app.
 */
final class OnSuiteCredentialsCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		boolean suite = StringUtils.hasText(environment.getProperty("dingtalk.suite-key"))
				&& StringUtils.hasText(environment.getProperty("dingtalk.suite-secret"));
		return suite ? ConditionOutcome.match("dingtalk.suite-key and dingtalk.suite-secret are set")
				: ConditionOutcome.noMatch("dingtalk.suite-key or dingtalk.suite-secret is not set");
	}

}
