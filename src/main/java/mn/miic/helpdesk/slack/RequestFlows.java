package mn.miic.helpdesk.slack;

import java.time.Clock;
import java.util.Optional;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.requests.AskForHelp;
import mn.miic.helpdesk.requests.DecideRequest;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import mn.miic.helpdesk.slack.views.RequestMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests for help in Slack: asking, deciding, claiming, the queue. Who is told what (the approvers' DMs, the
 * help-desk post, every copy's update, the requester's notices) is owed by the use cases, and the outbox delivers it;
 * this only turns clicks and commands into use-case calls and answers the person who clicked.
 */
public final class RequestFlows {

    private static final Logger log = LoggerFactory.getLogger(RequestFlows.class);

    private final RequestUseCases requests;
    private final AccountFlows flows;
    private final SlackApi slack;
    private final Optional<String> helpDeskChannel;
    private final Clock clock;

    public RequestFlows(
            RequestUseCases requests,
            AccountFlows flows,
            SlackApi slack,
            Optional<String> helpDeskChannel,
            Clock clock) {
        this.requests = requests;
        this.flows = flows;
        this.slack = slack;
        this.helpDeskChannel = helpDeskChannel;
        this.clock = clock;
    }

    // ---- asking

    public void ask(Turn turn, String kindText, String note) {
        RequestKind kind = RequestKind.parse(kindText)
                .orElseThrow(() -> Refusal.notAllowed("Ask for one of these, with a note if you like:"
                        + " `/miic request unlock`, `/miic request reset` or `/miic request reactivate`."));
        Account by = flows.who(turn);
        Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId());
        AskForHelp.Asked asked = requests.ask().ask(actor, kind, withMentionAsUsername(note));
        RequestDetails d = asked.request();
        if (turn.responseUrl() != null) {
            flows.reply(
                    turn,
                    AccountMessages.say(":incoming_envelope: Request #"
                            + d.request().id() + " sent. I will keep you" + " posted by DM."),
                    "Request sent");
        }
        if (asked.approvers().isEmpty()) {
            try {
                escalateDue();
            } catch (RuntimeException e) {
                // The request is saved and due; the scheduled escalation tries again.
                log.warn("could not escalate request #{} at once", d.request().id(), e);
            }
        }
    }

    /** {@code /miic request help <text>}: straight to the help-desk channel, from anyone. */
    public void askHelpDesk(Turn turn, String text) {
        if (helpDeskChannel.isEmpty()) {
            throw Refusal.notAllowed("The MIIC help desk is not reachable through Slack here yet. Email"
                    + " health.miichelp@state.mn.us instead.");
        }
        Account asker;
        try {
            asker = flows.who(turn);
        } catch (NotLinked notLinked) {
            asker = null;
        }
        Actor actor = new Actor(asker == null ? null : asker.id(), turn.slackUserId(), turn.requestId());
        requests.askHelpDesk().ask(actor, asker, text);
        flows.reply(
                turn,
                AccountMessages.say(
                        ":incoming_envelope: Sent to the MIIC help desk. They will answer you here in" + " Slack."),
                "Sent to the help desk");
    }

    /** "<@U123> ..." names a Slack user; the request checks whose account that is. */
    private String withMentionAsUsername(String note) {
        if (note == null || !note.startsWith("<@")) {
            return note;
        }
        String[] words = note.split("\\s+", 2);
        return flows.target(words[0]) + (words.length > 1 ? " " + words[1] : "");
    }

    // ---- deciding

    public void approve(Turn turn, long requestId) {
        Account by = flows.who(turn);
        Actor actor =
                new Actor(by.id(), turn.slackUserId(), turn.requestId()).replyingTo(ReplyTo.after(turn.responseUrl()));
        DecideRequest.Approved approved;
        try {
            approved = requests.decide().approve(actor, requestId);
        } catch (Refusal refusal) {
            answerLateOrRefused(turn, requestId, refusal);
            return;
        }
        String done = RequestMessages.approvedForApprover(approved.request());
        if (approved.issued() != null) {
            done += " " + DeliveryMessages.onItsWay(approved.issued().account());
        }
        answer(turn, done);
    }

    public void openDeny(Turn turn, long requestId) {
        flows.who(turn);
        RequestDetails d = requests.decide().details(requestId);
        if (!d.request().isOpen()) {
            answer(turn, "This request was already decided: " + RequestMessages.outcome(d) + " Nothing was changed.");
            return;
        }
        String meta = requestId + (turn.responseUrl() == null ? "" : " " + turn.responseUrl());
        if (!slack.openView(turn.triggerId(), RequestMessages.denyModal(d, meta))) {
            answer(turn, ":warning: Slack did not open the form. Nothing was changed; please try again.");
        }
    }

    public void deny(Turn turn, long requestId, String reason) {
        Account by = flows.who(turn);
        Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId());
        RequestDetails d;
        try {
            d = requests.decide().deny(actor, requestId, reason);
        } catch (Refusal refusal) {
            answerLateOrRefused(turn, requestId, refusal);
            return;
        }
        answer(turn, ":x: Denied request #" + requestId + ". " + d.account().displayName() + " will be told.");
    }

    public void claim(Turn turn, long requestId) {
        Account by = flows.who(turn);
        Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId());
        try {
            requests.decide().claim(actor, requestId);
        } catch (Refusal refusal) {
            RequestDetails now = requests.decide().details(requestId);
            if (refusal.kind() == Refusal.Kind.ALREADY_DONE) {
                answer(
                        turn,
                        now.request().isOpen()
                                ? (now.claimedBy() == null
                                                ? ""
                                                : now.claimedBy().displayName())
                                        + " already claimed this request. Nothing was changed."
                                : "This request was already decided: " + RequestMessages.outcome(now));
                return;
            }
            throw refusal;
        }
    }

    public void queue(Turn turn) {
        var q = requests.queue().of(flows.actor(turn));
        flows.reply(turn, RequestMessages.queue(q, clock.instant()), "Open requests");
    }

    // ---- the help desk (scheduled work)

    /** Escalates what is due; called by the scheduler, and at once when nobody could be asked. */
    public void escalateDue() {
        requests.escalate().run();
    }

    public void expireOld() {
        requests.expire().run();
    }

    // ---- keeping everyone up to date

    private void answerLateOrRefused(Turn turn, long requestId, Refusal refusal) {
        RequestDetails now = requests.decide().details(requestId);
        if (!now.request().isOpen()) {
            if (refusal.kind() == Refusal.Kind.ALREADY_DONE) {
                answer(
                        turn,
                        "This request was already decided: " + RequestMessages.outcome(now)
                                + " Nothing more was changed.");
                return;
            }
        }
        throw refusal;
    }

    private void answer(Turn turn, String sentence) {
        if (turn.responseUrl() != null) {
            slack.respond(turn.responseUrl(), Replies.ephemeral(AccountMessages.say(sentence), sentence));
        } else {
            slack.directMessage(turn.slackUserId(), sentence, AccountMessages.say(sentence));
        }
    }
}
