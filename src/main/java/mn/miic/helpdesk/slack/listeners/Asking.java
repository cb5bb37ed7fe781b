package mn.miic.helpdesk.slack.listeners;

import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.requests.AskForHelp;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Turn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request for help about one's own account, typed ({@code /miic request unlock}) or clicked (the App Home). Where
 * it goes, and who is told, is owed by the use case; this answers the asker.
 */
public final class Asking {

    private static final Logger log = LoggerFactory.getLogger(Asking.class);

    private final RequestUseCases requests;
    private final Conversation conversation;

    public Asking(RequestUseCases requests, Conversation conversation) {
        this.requests = requests;
        this.conversation = conversation;
    }

    public void ask(Turn turn, String kindText, String note) {
        RequestKind kind = RequestKind.parse(kindText)
                .orElseThrow(() -> Refusal.notAllowed("Ask for one of these, with a note if you like:"
                        + " `/miic request unlock`, `/miic request reset` or `/miic request reactivate`."));
        Actor actor = conversation.actor(turn);
        AskForHelp.Asked asked = requests.ask().ask(actor, kind, withMentionAsUsername(turn, note));
        long id = asked.request().request().id();
        if (turn.responseUrl() != null) {
            conversation.say(turn, ":incoming_envelope: Request #" + id + " sent. I will keep you posted by DM.");
        }
        if (asked.approvers().isEmpty()) {
            try {
                requests.escalate().run();
            } catch (RuntimeException e) {
                // The request is saved and due; the scheduled escalation tries again.
                log.warn("could not escalate request #{} at once", id, e);
            }
        }
    }

    /** "<@U123> ..." names a Slack user; the request checks whose account that is. */
    private String withMentionAsUsername(Turn turn, String note) {
        if (note == null || !note.startsWith("<@")) {
            return note;
        }
        String[] words = note.split("\\s+", 2);
        return conversation.target(turn, words[0]) + (words.length > 1 ? " " + words[1] : "");
    }
}
