package io.github.dingtalkboot.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices of tracked tasks that ended and the corps' authorisation changes, for the
 * page.
 */
@RestController
class NoticeController {

	private final CompletionNotices notices;

	private final CorpAuthorizations authorizations;

	NoticeController(CompletionNotices notices, CorpAuthorizations authorizations) {
		this.notices = notices;
		this.authorizations = authorizations;
	}

	/**
	 * The latest authorisation changes DingTalk pushed, newest first.
	 */
	@GetMapping("/api/corps/changes")
	List<CorpAuthorizations.Change> corpChanges() {
		return this.authorizations.latest();
	}

	/**
	 * The latest notices, newest first.
	 */
	@GetMapping("/api/notices")
	List<CompletionNotices.Notice> notices() {
		return this.notices.latest();
	}

}
