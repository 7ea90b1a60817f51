package io.github.dingtalkboot.sample;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.dingtalkboot.callback.DingTalkAuthorizationEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The corps that authorised or withdrew the suite, as DingTalk pushed it to the starter's
 * callback endpoint, for the page. The starter has already forgotten a withdrawn corp's
 * token when the event comes; this only shows it.
 */
@Component
public class CorpAuthorizations {

	private static final int KEPT = 50;

	private final List<Change> changes = new ArrayList<>();

	@EventListener
	void changed(DingTalkAuthorizationEvent event) {
		synchronized (this.changes) {
			this.changes.add(0,
					new Change(event.getCorpId(), event.getChange().name(), event.getType(), Instant.now()));
			if (this.changes.size() > KEPT) {
				this.changes.remove(KEPT);
			}
		}
	}

	/**
	 * The latest changes, newest first.
	 * @return the changes
	 */
	public List<Change> latest() {
		synchronized (this.changes) {
			return List.copyOf(this.changes);
		}
	}

	/**
	 * A corp's authorisation changed.
	 *
	 * @param corpId the corp
	 * @param change AUTHORIZED, CHANGED or WITHDRAWN
	 * @param type DingTalk's event type
	 * @param at when the push came
	 */
	public record Change(String corpId, String change, String type, Instant at) {
	}

}
