/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.dingtalkboot.autoconfigure;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The condition of {@link ConditionalOnText}.
 *
 * @author dingtalk-spring-boot maintainers
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
