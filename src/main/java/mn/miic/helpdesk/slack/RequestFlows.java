package mn.miic.helpdesk.slack;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.requests.Approver;
import mn.miic.helpdesk.requests.AskForHelp;
import mn.miic.helpdesk.requests.AskHelpDesk;
import mn.miic.helpdesk.requests.DecideRequest;
import mn.miic.helpdesk.requests.EscalateRequests;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.requests.RequestRepository.Audience;
import mn.miic.helpdesk.requests.RequestRepository.Message;
import mn.miic.helpdesk.requests.RequestUseCases;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.DeliveryMessages;
import mn.miic.helpdesk.slack.views.RequestMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests for help in Slack: asking, routing to the managers by DM, the first decision, the help-desk channel, and
 * keeping every copy of a request and the requester up to date.
 */
public final class RequestFlows implements EscalateRequests.HelpDesk {

    private static final Logger log = LoggerFactory.getLogger(RequestFlows.class);

    private final RequestUseCases requests;
    private final AccountFlows flows;
    private final SlackApi slack;
    private final Optional<String> helpDeskChannel;
    private final Clock clock;
    private Home home;

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

    /** The App Home is republished when a request changes; set once at wiring (the home also shows requests). */
    void showOn(Home home) {
        this.home = home;
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
        List<String> reached = route(actor, d, asked.approvers());
        slack.directMessage(
                turn.slackUserId(), "Your request was sent", AccountMessages.say(RequestMessages.asked(d, reached)));
        if (turn.responseUrl() != null) {
            flows.reply(
                    turn,
                    AccountMessages.say(":incoming_envelope: Request #"
                            + d.request().id() + " sent. I will keep you" + " posted by DM."),
                    "Request sent");
        }
        if (reached.isEmpty()) {
            try {
                escalateDue();
            } catch (RuntimeException e) {
                // The request is saved and due; the scheduled escalation tries again.
                log.warn("could not escalate request #{} at once", d.request().id(), e);
            }
        }
        refreshHomes(d);
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
        AskHelpDesk.Question q = requests.askHelpDesk().ask(actor, asker, text);
        if (slack.post(helpDeskChannel.get(), "A question for the MIIC help desk", RequestMessages.question(q))
                .isEmpty()) {
            throw new SlackUnavailable("chat.postMessage to the help-desk channel", null);
        }
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

    /** DMs to each approver, site managers first; returns the names of those Slack accepted a DM for. */
    private List<String> route(Actor actor, RequestDetails d, List<Approver> approvers) {
        List<String> reached = new ArrayList<>();
        for (Approver approver : approvers) {
            try {
                slack.post(approver.slackUserId(), RequestMessages.fallback(d), RequestMessages.forApprover(d))
                        .ifPresent(posted -> {
                            requests.decide()
                                    .remember(new Message(
                                            d.request().id(),
                                            Audience.APPROVER,
                                            approver.slackUserId(),
                                            posted.channel(),
                                            posted.ts()));
                            reached.add(approver.displayName());
                        });
            } catch (SlackUnavailable e) {
                log.warn(
                        "could not DM approver {} about request #{}",
                        approver.slackUserId(),
                        d.request().id());
            }
        }
        if (reached.isEmpty()) {
            requests.decide().dueNow(d.request().id());
        }
        requests.decide()
                .routed(
                        actor,
                        d.request().id(),
                        reached.isEmpty() ? "nobody could be asked; due for the help desk" : "to " + reached);
        return reached;
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
        RequestDetails d = approved.request();
        String done = RequestMessages.approvedForApprover(approved.request());
        if (approved.issued() != null) {
            done += " " + DeliveryMessages.onItsWay(approved.issued().account());
        }
        refreshCopies(d);
        answer(turn, done);
        refreshHomes(d);
    }

    public void openDeny(Turn turn, long requestId) {
        flows.who(turn);
        RequestDetails d = requests.decide().details(requestId);
        if (!d.request().isOpen()) {
            refreshCopies(d);
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
        refreshCopies(d);
        answer(turn, ":x: Denied request #" + requestId + ". " + d.account().displayName() + " will be told.");
        refreshHomes(d);
    }

    public void claim(Turn turn, long requestId) {
        Account by = flows.who(turn);
        Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId());
        RequestDetails d;
        try {
            d = requests.decide().claim(actor, requestId);
        } catch (Refusal refusal) {
            RequestDetails now = requests.decide().details(requestId);
            if (refusal.kind() == Refusal.Kind.ALREADY_DONE) {
                refreshCopies(now);
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
        refreshCopies(d);
        slack.directMessage(
                d.request().requesterSlackId(), "Your request", AccountMessages.say(RequestMessages.claimed(d)));
    }

    public void queue(Turn turn) {
        var q = requests.queue().of(flows.actor(turn));
        flows.reply(turn, RequestMessages.queue(q, clock.instant()), "Open requests");
    }

    // ---- the help desk (scheduled work)

    /** Escalates what is due; called by the scheduler, and at once when nobody could be asked. */
    public void escalateDue() {
        requests.escalate().run(this);
    }

    public void expireOld() {
        requests.expire().run(d -> {
            refreshCopies(d);
            refreshHomes(d);
        });
    }

    @Override
    public Optional<Message> post(RequestDetails d) {
        if (helpDeskChannel.isEmpty()) {
            return Optional.empty();
        }
        Optional<SlackApi.Posted> posted =
                slack.post(helpDeskChannel.get(), RequestMessages.fallback(d), RequestMessages.forHelpDesk(d));
        if (posted.isEmpty()) {
            log.error(
                    "Slack refused the post of request #{} to the help-desk channel {}: is the bot in it?",
                    d.request().id(),
                    helpDeskChannel.get());
        }
        return posted.map(p -> new Message(d.request().id(), Audience.HELPDESK, null, p.channel(), p.ts()));
    }

    @Override
    public void escalated(RequestDetails d) {
        try {
            slack.directMessage(
                    d.request().requesterSlackId(),
                    "Your request went to the MIIC help desk",
                    AccountMessages.say(RequestMessages.escalated(d)));
            refreshHomes(d);
        } catch (SlackUnavailable e) {
            log.warn(
                    "could not tell the requester of request #{} about its escalation",
                    d.request().id());
        }
    }

    // ---- keeping everyone up to date

    private void answerLateOrRefused(Turn turn, long requestId, Refusal refusal) {
        RequestDetails now = requests.decide().details(requestId);
        if (!now.request().isOpen()) {
            refreshCopies(now);
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

    private void refreshCopies(RequestDetails d) {
        for (Message copy : requests.decide().copies(d.request().id())) {
            try {
                slack.update(
                        copy.channel(),
                        copy.ts(),
                        RequestMessages.fallback(d),
                        copy.audience() == Audience.HELPDESK
                                ? RequestMessages.forHelpDesk(d)
                                : RequestMessages.forApprover(d));
            } catch (SlackUnavailable e) {
                log.warn(
                        "could not update a copy of request #{} in {}",
                        d.request().id(),
                        copy.channel());
            }
        }
    }

    private void answer(Turn turn, String sentence) {
        if (turn.responseUrl() != null) {
            slack.respond(turn.responseUrl(), Replies.ephemeral(AccountMessages.say(sentence), sentence));
        } else {
            slack.directMessage(turn.slackUserId(), sentence, AccountMessages.say(sentence));
        }
    }

    private void refreshHomes(RequestDetails d) {
        if (home == null) {
            return;
        }
        Set<String> people = new LinkedHashSet<>();
        people.add(d.request().requesterSlackId());
        for (Message copy : requests.decide().copies(d.request().id())) {
            if (copy.slackUserId() != null) {
                people.add(copy.slackUserId());
            }
        }
        for (String person : people) {
            try {
                home.publish(Turn.of(person, null, null));
            } catch (RuntimeException e) {
                log.warn("could not republish the App Home of {}", person, e);
            }
        }
    }
}
