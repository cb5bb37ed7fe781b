package mn.miic.helpdesk.slack;

/** Slack's Web API could not be reached, or kept failing, after the retries it deserves. */
public class SlackUnavailable extends RuntimeException {

    public SlackUnavailable(String what, Throwable cause) {
        super("Slack did not answer " + what, cause);
    }
}
