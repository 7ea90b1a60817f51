package io.github.dingtalkboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition of {@link ConditionalOnText}.
 */
final class OnTextCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnText.class.getName());
		Object value = (attributes != null) ? attributes.get("value") : null;
		String[] names = (value instanceof String[] given) ? given : new String[0];
		for (String name : names) {
			if (!StringUtils.hasText(context.getEnvironment().getProperty(name))) {
				return ConditionOutcome.noMatch(name + " has no text");
			}
		}
		return ConditionOutcome.match(String.join(" and ", names) + " have text");
	}

}
