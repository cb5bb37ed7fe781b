package mn.miic.helpdesk.slack;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.HelpMessages;
import mn.miic.helpdesk.slack.views.Text;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Where the work behind a Slack request runs once the request is acknowledged (Bolt for Java has no lazy listeners).
 * A request Slack sends again, from this instance or another, runs once. Whatever goes wrong, the person hears a
 * plain sentence that says whether anything changed; when every worker is busy and the queue full, they hear so at
 * once rather than late.
 */
public final class Background {

    public static final String UNREACHABLE =
            ":warning: MIIC is unreachable right now; nothing was changed." + " Please try again in a few minutes.";
    static final String SLACK_TROUBLE =
            ":warning: Slack is having trouble right now; nothing was changed." + " Please try again in a few minutes.";

    private static final Logger log = LoggerFactory.getLogger(Background.class);

    static final String BUSY =
            ":hourglass_flowing_sand: MIIC is busy right now; nothing was changed. Please try" + " again in a minute.";

    private final Executor executor;
    private final OnceKeys onceKeys;
    private final SlackApi slack;

    /** @param executor bounded: a full queue refuses work, and the person is told at once */
    public Background(OnceKeys onceKeys, SlackApi slack, Executor executor) {
        this.executor = executor;
        this.onceKeys = onceKeys;
        this.slack = slack;
    }

    @FunctionalInterface
    public interface Work {
        void run(Turn turn);
    }

    /**
     * @param onceKey what identifies this request across Slack's retries (its trigger or event id), or null
     */
    public void submit(Turn turn, String onceKey, Work work) {
        try {
            run(turn, onceKey, work);
        } catch (RejectedExecutionException full) {
            log.warn("every Slack worker is busy; told {} to try again", turn.slackUserId());
            Meters.busy();
            tell(turn, BUSY);
        }
    }

    private void run(Turn turn, String onceKey, Work work) {
        executor.execute(() -> {
            MDC.put("request_id", turn.requestId());
            try {
                log.info("Slack request from {}", turn.slackUserId());
                if (onceKey != null && !onceKeys.claimSoon(onceKey)) {
                    log.info("dropped a request Slack sent again: {}", onceKey);
                    return;
                }
                work.run(turn);
            } catch (RuntimeException e) {
                answerFailure(turn, e);
            } finally {
                MDC.remove("request_id");
            }
        });
    }

    /** The sentence a failure gets; also used where the answer goes back in the acknowledgement. */
    public static String sentenceFor(RuntimeException e) {
        // A refusal is plain text, and it can quote what someone typed (an organization's name from an import).
        if (e instanceof Refusal refusal) {
            return ":no_entry_sign: " + Text.escape(refusal.getMessage());
        }
        if (e instanceof NotLinked notLinked) {
            return Text.escape(notLinked.getMessage());
        }
        if (e instanceof DataAccessException) {
            return UNREACHABLE;
        }
        if (e instanceof SlackUnavailable) {
            return SLACK_TROUBLE;
        }
        return ":warning: Something went wrong on our side. Check the account with `/miic user` before you try"
                + " again; the MIIC help desk can help.";
    }

    private void answerFailure(Turn turn, RuntimeException e) {
        if (e instanceof Refusal || e instanceof NotLinked) {
            log.info("refused: {}", e.getMessage());
        } else {
            log.error("request failed", e);
        }
        try {
            if (turn.responseUrl() == null) {
                // A click on the App Home has nowhere to answer but a DM.
                slack.directMessage(turn.slackUserId(), sentenceFor(e), AccountMessages.say(sentenceFor(e)));
                return;
            }
            slack.respond(
                    turn.responseUrl(),
                    Replies.ephemeral(
                            e instanceof NotLinked n
                                    ? HelpMessages.notLinked(n.getMessage())
                                    : AccountMessages.say(sentenceFor(e)),
                            sentenceFor(e)));
        } catch (RuntimeException again) {
            log.error("could not tell the user about a failure", again);
        }
    }

    private void tell(Turn turn, String sentence) {
        try {
            if (turn.responseUrl() == null) {
                slack.directMessage(turn.slackUserId(), sentence, AccountMessages.say(sentence));
            } else {
                slack.respond(turn.responseUrl(), Replies.ephemeral(AccountMessages.say(sentence), sentence));
            }
        } catch (RuntimeException e) {
            log.warn("could not tell {} that MIIC is busy", turn.slackUserId(), e);
        }
    }
}
