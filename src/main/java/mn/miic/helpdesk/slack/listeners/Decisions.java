package mn.miic.helpdesk.slack.listeners;

import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.views.RequestMessages;

/** What a click on a request that someone else decided first, or that closed, is answered. */
public final class Decisions {

    private Decisions() {}

    /** Answers a late click with who decided; rethrows any other refusal, to be said as it is. */
    public static void lateOrRefused(
            Conversation conversation, RequestUseCases requests, Turn turn, long requestId, Refusal refusal) {
        RequestDetails now = requests.decide().details(requestId);
        if (!now.request().isOpen() && refusal.kind() == Refusal.Kind.ALREADY_DONE) {
            conversation.say(
                    turn,
                    "This request was already decided: " + RequestMessages.outcome(now) + " Nothing more was changed.");
            return;
        }
        throw refusal;
    }

    public static long requestId(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw Refusal.notAllowed("That button is from an older version of this message. Run the command again.");
        }
    }
}
