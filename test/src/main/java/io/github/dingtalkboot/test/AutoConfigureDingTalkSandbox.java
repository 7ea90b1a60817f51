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

package io.github.dingtalkboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.context.PropertyMapping;

/**
 * Starts one {@link DingTalkSandbox} for the test's application context, exposes it as a
 * bean, and points the starter at it through a {@code DingTalkConnectionDetails} bean: no
 * property to set, whatever {@code dingtalk.*} credentials the application has.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureDingTalkSandbox
 * class NoticeServiceTests {
 *
 *     &#64;Autowired
 *     DingTalkSandbox dingtalk;
 *
 *     &#64;Test
 *     void aNoticeIsSentWhenTheBulkMoveEnds() {
 *         dingtalk.task("t1").initFor(Duration.ofSeconds(1)).subtasks(30).endsAfter(Duration.ofSeconds(3)).succeeds();
 *         ...
 *     }
 *
 * }
 * </pre>
 *
 * @author dingtalk-spring-boot maintainers
 * @since 0.3.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@PropertyMapping("dingtalk.sandbox")
public @interface AutoConfigureDingTalkSandbox {

	/**
	 * The credentials the starter uses against the sandbox: the internal app
	 * ({@link DingTalkSandbox#APP_KEY}) or the suite of a third-party app
	 * ({@link DingTalkSandbox#SUITE_KEY}, its first corp the default one, its ticket in
	 * the application's {@code SuiteTicketStore} from the start).
	 * @return the credentials
	 */
	Credentials credentials() default Credentials.INTERNAL_APP;

	/**
	 * Which of the sandbox's apps the application is.
	 */
	enum Credentials {

		/** The internal app. */
		INTERNAL_APP,

		/** The third-party app's suite, installed by {@link DingTalkSandbox#CORPS}. */
		THIRD_PARTY_APP

	}

}
