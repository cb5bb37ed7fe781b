package mn.miic.helpdesk.slack;

/** The Slack user has no MIIC account linked; the message tells them how to get one linked. */
public final class NotLinked extends RuntimeException {

    public NotLinked(String message) {
        super(message, null, false, false);
    }
}
