package io.github.dingtalkboot.test.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A user's listener for corps authorising and withdrawing.
 */
@Component
public class CorpChanges {

	private final List<String> changes = new CopyOnWriteArrayList<>();

	@EventListener
	void changed(DingTalkAuthorizationEvent event) {
		this.changes.add(event.getCorpId() + " " + event.getChange());
	}

	public List<String> changes() {
		return this.changes;
	}

}
