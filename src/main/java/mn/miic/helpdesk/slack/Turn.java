package mn.miic.helpdesk.slack;

import java.util.UUID;

/**
 * One thing a Slack user did (a command, a click, a submitted form): who, where to answer, and the trigger that can
 * open a modal for a few seconds. Its request id ties the log lines and audit rows it causes together.
 */
public record Turn(String slackUserId, String responseUrl, String triggerId, String requestId) {

    public static Turn of(String slackUserId, String responseUrl, String triggerId) {
        return new Turn(slackUserId, responseUrl, triggerId, UUID.randomUUID().toString());
    }
}
