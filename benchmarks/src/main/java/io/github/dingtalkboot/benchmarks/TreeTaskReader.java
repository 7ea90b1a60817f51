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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.dingtalkboot.core.DingTalkMalformedResponseException;
import io.github.dingtalkboot.storage.StorageTask;
import io.github.dingtalkboot.storage.StorageTaskStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's reader before it streamed (kept here as the baseline of
 * {@link TaskParseBenchmark}, copied from the commit before): a JSON tree for every body,
 * then the fields read from the tree. Reads {@code {"task":{…}}} leniently: unknown
 * fields are ignored, absent or null ones tolerated, counts may come as numbers or
 * numeric strings, times with or without seconds and with {@code Z} or an offset. A value
 * that is present but cannot be read is an error, never a silently wrong value.
 *
 * @author dingtalk-spring-boot maintainers
 */
final class TreeTaskReader {

	private TreeTaskReader() {
	}

	static StorageTask read(JsonMapper json, byte[] bytes) {
		JsonNode body = json.readTree(bytes);
		JsonNode task = body.get("task");
		if (task == null || !task.isObject()) {
			throw new DingTalkMalformedResponseException("DingTalk's storage task answer has no \"task\" object");
		}
		String rawStatus = text(task, "status");
		return new StorageTask(text(task, "id"), StorageTaskStatus.from(rawStatus), count(task, "totalCount"),
				count(task, "successCount"), count(task, "failCount"), text(task, "failMessage"),
				time(task, "beginTime"), time(task, "endTime"), rawStatus);
	}

	private static @Nullable String text(JsonNode task, String field) {
		JsonNode value = task.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isContainer()) {
			throw malformed(field, "is not a single value");
		}
		return value.asString();
	}

	private static long count(JsonNode task, String field) {
		JsonNode value = task.get(field);
		if (value == null || value.isNull()) {
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

	private static @Nullable Instant time(JsonNode task, String field) {
		String value = text(task, field);
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
