package mn.miic.helpdesk.slack.listeners.views;

import com.slack.api.model.view.View;
import mn.miic.helpdesk.slack.Turn;

/**
 * One modal's submission, by its {@code callback_id}. It runs its use case before answering, because Slack shows a
 * field's error only in that answer; it is a database transaction of a few milliseconds.
 */
public interface Form {

    String callbackId();

    /** Never throws for a person's mistake or a refusal: those are answers too. */
    Answer submit(Turn turn, View view);
}
