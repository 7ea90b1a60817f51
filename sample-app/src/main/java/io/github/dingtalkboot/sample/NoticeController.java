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

package io.github.dingtalkboot.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices of tracked tasks that ended and the corps' authorisation changes, for the
 * page.
 *
 * @author dingtalk-spring-boot maintainers
 */
@RestController
class NoticeController {

	private final CompletionNotices notices;

	private final CorpAuthorizations authorizations;

	NoticeController(CompletionNotices notices, CorpAuthorizations authorizations) {
		this.notices = notices;
		this.authorizations = authorizations;
	}

	/*
	 * The latest authorisation changes DingTalk pushed, newest first.
	 */
	@GetMapping("/api/corps/changes")
	List<CorpAuthorizations.Change> corpChanges() {
		return this.authorizations.latest();
	}

	/*
	 * The latest notices, newest first.
	 */
	@GetMapping("/api/notices")
	List<CompletionNotices.Notice> notices() {
		return this.notices.latest();
	}

}
