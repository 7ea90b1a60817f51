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

package io.github.dingtalkboot.cluster.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Redis's answer to a claim ({@code tracker/claim.lua}): {lost ids, missing ids, {id,
 * task, id, task, ...} taken, 1 when the caller must reconcile}.
 *
 * @param lost the held ids another instance holds now, or that were removed
 * @param missing the held ids Redis does not know
 * @param taken the tasks taken, by id, as JSON
 * @param mustReconcile whether the caller's lease was gone: it must send a full claim
 * @author dingtalk-spring-boot maintainers
 */
record ClaimAnswer(Set<String> lost, Set<String> missing, Map<String, String> taken, boolean mustReconcile) {

	/**
	 * Read the script's answer.
	 * @param answer the Lua table, as Spring Data Redis reads it
	 * @return the answer
	 */
	static ClaimAnswer of(List<Object> answer) {
		List<?> pairs = (List<?>) answer.get(2);
		Map<String, String> taken = new LinkedHashMap<>();
		for (int i = 0; i + 1 < pairs.size(); i += 2) {
			taken.put(String.valueOf(pairs.get(i)), String.valueOf(pairs.get(i + 1)));
		}
		return new ClaimAnswer(ids(answer.get(0)), ids(answer.get(1)), taken,
				"1".equals(String.valueOf(answer.get(3))));
	}

	private static Set<String> ids(Object ids) {
		Set<String> set = new HashSet<>();
		for (Object id : (List<?>) ids) {
			set.add(String.valueOf(id));
		}
		return set;
	}

}
