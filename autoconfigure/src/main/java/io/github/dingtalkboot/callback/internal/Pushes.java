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

package io.github.dingtalkboot.callback.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException;
import io.github.dingtalkboot.callback.DingTalkCallbackRejectedException.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the events of a decrypted push, in either of DingTalk's forms: one event whose
 * type is {@code EventType} (the older form), or {@code SYNC_HTTP_PUSH_HIGH}/
 * {@code SYNC_HTTP_PUSH_MEDIUM} with one event per entry of {@code bizData}, its type the
 * entry's {@code syncAction} and its {@code biz_data} (a JSON text or object) read into a
 * map.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class Pushes {

	private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String[] CORP_ID_FIELDS = { "AuthCorpId", "CorpId", "corpId", "corp_id" };

	private static final String[] EVENT_ID_FIELDS = { "EventId", "eventId" };

	private final JsonMapper json;

	Pushes(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The encrypted text of a push's body, {@code {"encrypt":"…"}}.
	 * @param body the body
	 * @return the encrypted text
	 */
	String encrypted(byte[] body) {
		Map<String, Object> push;
		try {
			push = this.json.readValue(body, MAP);
		}
		catch (JacksonException ex) {
			throw malformed("its body is not a JSON object");
		}
		if (push == null || !(push.get("encrypt") instanceof String encrypted) || encrypted.isEmpty()) {
			throw malformed("its body has no encrypt text");
		}
		return encrypted;
	}

	List<Push> read(String message) {
		Map<String, Object> push = object(message);
		if (!(push.get("EventType") instanceof String type) || type.isBlank()) {
			throw malformed("its message has no EventType");
		}
		if (!type.regionMatches(true, 0, "SYNC_HTTP_PUSH_", 0, 15)) {
			return List.of(new Push(type, text(push, CORP_ID_FIELDS), text(push, EVENT_ID_FIELDS),
					Collections.unmodifiableMap(push)));
		}
		if (!(push.get("bizData") instanceof List<?> entries)) {
			throw malformed("its " + type + " message has no bizData list");
		}
		List<Push> events = new ArrayList<>(entries.size());
		for (Object each : entries) {
			if (!(each instanceof Map<?, ?> entry)) {
				throw malformed("an entry of its bizData is not an object");
			}
			Map<String, Object> content = new LinkedHashMap<>();
			entry.forEach((key, value) -> content.put(String.valueOf(key), value));
			Object bizData = content.get("biz_data");
			if (bizData instanceof String text) {
				bizData = object(text);
				content.put("biz_data", bizData);
			}
			String action = (bizData instanceof Map<?, ?> data && data.get("syncAction") instanceof String named)
					? named : type;
			Object id = content.get("id");
			events.add(new Push(action, text(content, CORP_ID_FIELDS), (id != null) ? "sync:" + id : null,
					Collections.unmodifiableMap(content)));
		}
		return events;
	}

	private Map<String, Object> object(String text) {
		try {
			Map<String, Object> map = this.json.readValue(text, MAP);
			if (map == null) {
				throw malformed("its message is not a JSON object");
			}
			return map;
		}
		catch (JacksonException ex) {
			throw malformed("its message is not a JSON object");
		}
	}

	private static @Nullable String text(Map<String, Object> map, String[] fields) {
		for (String field : fields) {
			Object value = map.get(field);
			if (value instanceof String text && !text.isBlank()) {
				return text;
			}
			if (value instanceof Number number) {
				return number.toString();
			}
		}
		return null;
	}

	private static DingTalkCallbackRejectedException malformed(String why) {
		return new DingTalkCallbackRejectedException(Reason.MALFORMED, "A malformed callback: " + why);
	}

}
