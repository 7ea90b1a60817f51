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

package io.github.dingtalkboot.storage.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.core.internal.BodyReader;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads {@code {"task":{…}}} leniently: unknown fields are ignored, absent or null ones
 * tolerated, counts may come as numbers or numeric strings, times with or without seconds
 * and with {@code Z} or an offset. A value that is present but cannot be read is an
 * error, never a silently wrong value.
 *
 * @author dingtalk-spring-boot maintainers
 */
public final class StorageTaskReader {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StorageTaskReader() {
	}

	/**
	 * Read an answer's body straight into a task, without a JSON tree: the common case
	 * (strings, whole numbers, nulls) is read from the token stream; any other value is
	 * read as a node and judged by the rules below, so an odd value gets the same result
	 * or error as before.
	 * @param status the HTTP status
	 * @param body the answer's body
	 * @return the task
	 * @throws io.github.dingtalkboot.core.DingTalkMalformedResponseException when the
	 * body is not a task answer
	 */
	public static StorageTask read(int status, byte[] body) {
		try (JsonParser parser = JSON.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw BodyReader.notAnObject(status, body);
			}
			StorageTask task = null;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("task".equals(name)) {
					// the last "task" counts, as in a JSON tree
					task = (value == JsonToken.START_OBJECT) ? readTask(parser) : null;
				}
				// a no-op after readTask, which stops on the task's END_OBJECT
				parser.skipChildren();
			}
			if (parser.nextToken() != null) {
				throw BodyReader.notJson(status, body, new IllegalStateException("content after the JSON object"));
			}
			if (task == null) {
				throw noTask();
			}
			return task;
		}
		catch (JacksonException ex) {
			throw BodyReader.notJson(status, body, ex);
		}
	}

	private static StorageTask readTask(JsonParser parser) {
		String id = null;
		String rawStatus = null;
		String failMessage = null;
		String beginTime = null;
		String endTime = null;
		long total = 0;
		long success = 0;
		long fail = 0;
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String field = parser.currentName();
			JsonToken token = parser.nextToken();
			switch (field) {
				case "id" -> id = text(parser, token, field);
				case "status" -> rawStatus = text(parser, token, field);
				case "failMessage" -> failMessage = text(parser, token, field);
				case "beginTime" -> beginTime = text(parser, token, field);
				case "endTime" -> endTime = text(parser, token, field);
				case "totalCount" -> total = count(parser, token, field);
				case "successCount" -> success = count(parser, token, field);
				case "failCount" -> fail = count(parser, token, field);
				default -> parser.skipChildren();
			}
		}
		StorageTaskStatus parsed = StorageTaskStatus.from(rawStatus);
		// the usual raw status is exactly the constant's name: share that string, as a
		// followed task keeps its last state
		String raw = parsed.name().equals(rawStatus) ? parsed.name() : rawStatus;
		return new StorageTask(id, parsed, total, success, fail, failMessage, time(beginTime, "beginTime"),
				time(endTime, "endTime"), raw);
	}

	private static @Nullable String text(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_STRING) {
			return parser.getString();
		}
		return (token == JsonToken.VALUE_NULL) ? null : text(field, parser.readValueAsTree());
	}

	private static long count(JsonParser parser, JsonToken token, String field) {
		if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
			long count = parser.getLongValue();
			if (count >= 0) {
				return count;
			}
		}
		return (token == JsonToken.VALUE_NULL) ? 0 : count(field, parser.readValueAsTree());
	}

	private static DingTalkMalformedResponseException noTask() {
		return new DingTalkMalformedResponseException("DingTalk's storage task answer has no \"task\" object");
	}

	private static @Nullable String text(String field, @Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isContainer()) {
			throw malformed(field, "is not a single value");
		}
		return value.asString();
	}

	private static long count(String field, @Nullable JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return 0;
		}
		long count = -1;
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			count = value.longValue();
		}
		else if (value.isString()) {
			try {
				count = Long.parseLong(value.asString().strip());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		if (count < 0) {
			throw malformed(field, "is not a whole number of at least 0: " + abbreviate(value.toString()));
		}
		return count;
	}

	private static @Nullable Instant time(@Nullable String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw malformed(field, "is not an ISO 8601 time with an offset: " + abbreviate(value));
		}
	}

	private static DingTalkMalformedResponseException malformed(String field, String problem) {
		return new DingTalkMalformedResponseException("DingTalk's storage task field \"" + field + "\" " + problem);
	}

	private static String abbreviate(String value) {
		return (value.length() > 64) ? value.substring(0, 64) + "…" : value;
	}

}
