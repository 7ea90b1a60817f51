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

package io.github.dingtalkboot.benchmarks;

/**
 * One client under test, making the same {@code getTask} call as the others.
 *
 * @author dingtalk-spring-boot maintainers
 */
interface Contender extends AutoCloseable {

	String name();

	/**
	 * One call, blocking until its answer is decoded.
	 */
	Object call() throws Exception;

	/**
	 * A non-blocking call, or {@code null} for a blocking-only client.
	 */
	reactor.core.publisher.Mono<?> callAsync();

	@Override
	void close();

}
