package io.github.dingtalkboot.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when every named property has text. Unlike {@code @ConditionalOnProperty}, a
 * property set to an empty value ({@code suite-key: ${DINGTALK_SUITE_KEY:}}, as
 * configurations that serve either kind of app write) does not match.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnTextCondition.class)
@interface ConditionalOnText {

	/**
	 * The properties that must have text.
	 * @return their names
	 */
	String[] value();

}
