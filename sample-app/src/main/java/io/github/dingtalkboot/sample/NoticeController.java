package io.github.dingtalkboot.sample;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notices of tracked tasks that ended, for the page.
 */
@RestController
class NoticeController {

	private final CompletionNotices notices;

	NoticeController(CompletionNotices notices) {
		this.notices = notices;
	}

	/**
	 * The latest notices, newest first.
	 */
	@GetMapping("/api/notices")
	List<CompletionNotices.Notice> notices() {
		return this.notices.latest();
	}

}
