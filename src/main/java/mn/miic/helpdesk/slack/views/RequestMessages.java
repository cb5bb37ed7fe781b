package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.view.View;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.requests.AskHelpDesk;
import mn.miic.helpdesk.requests.HelpRequest;
import mn.miic.helpdesk.requests.RequestDetails;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.requests.RequestQueue;
import mn.miic.helpdesk.requests.RequestStatus;
import mn.miic.helpdesk.slack.Ids;

/** Every message about a request for help: the approvers' DMs, the help-desk post, the requester's news, the queue. */
public final class RequestMessages {

    public static final String REASON = "reason";
    public static final String VALUE = "value";

    private RequestMessages() {}

    /** "*Mickey Mouse* (`mousem1`) at Test Clinic (TEST1) asks for an *unlock*." */
    public static String summary(RequestDetails d) {
        HelpRequest r = d.request();
        return Text.boldName(d.account()) + " at " + Text.org(d.organization()) + " asks for "
                + (r.kind() == RequestKind.UNLOCK ? "an" : "a") + " *"
                + r.kind().label() + "*"
                + " (request #" + r.id() + ")."
                + (r.note() == null ? "" : "\n>" + Text.escape(r.note()).replace("\n", "\n>"))
                + "\nAccount now: " + Text.state(d.account()) + ", "
                + d.account().role().label() + ".";
    }

    /** A DM to one approver while the request is open: Approve and Deny. */
    public static List<LayoutBlock> forApprover(RequestDetails d) {
        if (!d.request().isOpen()) {
            return decided(d);
        }
        return List.of(
                section(s -> s.text(Text.mrkdwn(summary(d)))),
                context(c -> c.elements(List.of(Text.mrkdwn(
                        lockedBy(d) + "Asked " + Text.dateTime(d.request().askedAt())
                                + ". The first answer counts; everyone asked sees who decided.")))),
                actions(a -> a.elements(decisionButtons(d.request(), false))));
    }

    /** "Locked by 5 wrong passwords, from … to …. ", or nothing when the sign-in API did not lock it. */
    private static String lockedBy(RequestDetails d) {
        var f = d.failedSignIns();
        if (f == null) {
            return "";
        }
        return "Locked by " + f.count() + (f.count() == 1 ? " wrong password" : " wrong passwords in a row")
                + (f.count() == 1
                        ? " at " + Text.dateTime(f.last())
                        : ", from " + Text.dateTime(f.first()) + " to " + Text.dateTime(f.last()))
                + ". ";
    }

    /** The help-desk channel's post: Claim, Approve, Deny, and who claimed it. */
    public static List<LayoutBlock> forHelpDesk(RequestDetails d) {
        if (!d.request().isOpen()) {
            return decided(d);
        }
        HelpRequest r = d.request();
        String why = !r.escalateAt().isAfter(r.askedAt())
                ? "No linked administrator could be asked."
                : "No administrator answered within "
                        + Duration.between(r.askedAt(), r.escalateAt()).toMinutes() + " minutes.";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn(":sos: " + summary(d)))));
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(why + " Asked " + Text.dateTime(r.askedAt()) + " by <@"
                + r.requesterSlackId() + ">."
                + (d.claimedBy() == null
                        ? ""
                        : " *Claimed by " + Text.escape(d.claimedBy().displayName()) + "* at "
                                + Text.dateTime(r.claimedAt()) + "."))))));
        blocks.add(actions(a -> a.elements(decisionButtons(r, d.claimedBy() == null))));
        return blocks;
    }

    /** Any copy once the request is decided: who decided what, and no buttons. */
    public static List<LayoutBlock> decided(RequestDetails d) {
        return List.of(
                section(s -> s.text(Text.mrkdwn(summary(d)))),
                context(c -> c.elements(List.of(Text.mrkdwn(outcome(d))))));
    }

    /** "Approved by Minnie Mouse at 11/24/2026 10:42 AM CST." */
    public static String outcome(RequestDetails d) {
        HelpRequest r = d.request();
        String by =
                d.decidedBy() == null ? "" : " by " + Text.escape(d.decidedBy().displayName());
        String when = " at " + Text.dateTime(r.decidedAt());
        String note = r.decisionNote() == null ? "" : ": " + Text.escape(r.decisionNote());
        return switch (r.status()) {
            case OPEN -> "Open.";
            case APPROVED -> ":white_check_mark: *Approved*" + by + when + ".";
            case DENIED -> ":x: *Denied*" + by + when + note + ".";
            case EXPIRED -> ":hourglass: *Closed*" + by + when + note + ".";
        };
    }

    /** What the approver hears back: what happened to whom. */
    public static String approvedForApprover(RequestDetails d) {
        String who = Text.boldName(d.account());
        return ":white_check_mark: Approved request #" + d.request().id() + ": "
                + switch (d.request().kind()) {
                    case UNLOCK -> who + " is unlocked.";
                    case REACTIVATE -> who + " is active again.";
                    case RESET -> who + " has a new temporary password.";
                }
                + (d.request().kind() == RequestKind.RESET ? "" : " They were told by DM.");
    }

    public static String fallback(RequestDetails d) {
        return Text.name(d.account()) + " asks for " + d.request().kind().label() + " (request #"
                + d.request().id() + ")";
    }

    /** A free-text question in the help-desk channel: who asked (linked or not) and what. */
    public static List<LayoutBlock> question(AskHelpDesk.Question q) {
        String who = q.asker() == null
                ? "<@" + q.slackUserId() + "> (not linked to a MIIC account)"
                : "<@" + q.slackUserId() + ">, " + Text.boldName(q.asker()) + " at " + Text.org(q.organization()) + " ("
                        + Text.state(q.asker()) + ")";
        return List.of(
                section(s -> s.text(Text.mrkdwn(Text.clip(
                        ":speech_balloon: " + who + " asks the MIIC help desk:\n>"
                                + Text.escape(q.text()).replace("\n", "\n>"),
                        2_900)))),
                context(c -> c.elements(List.of(Text.mrkdwn(
                        "Answer them in a DM; link them first with" + " `/miic link` if they are not linked.")))));
    }

    // ---- news for the requester

    public static String asked(RequestDetails d, List<String> approverNames) {
        String what = "your " + d.request().kind().label() + " request (#"
                + d.request().id() + ")";
        if (approverNames.isEmpty()) {
            return ":incoming_envelope: No administrator of " + Text.org(d.organization())
                    + " can be reached in Slack, so I sent " + what + " to the MIIC help desk."
                    + " You will get a DM here when they decide.";
        }
        return ":incoming_envelope: I sent " + what + " to " + Text.escape(String.join(", ", approverNames))
                + ". You will get a DM here when "
                + (approverNames.size() == 1 ? "they decide." : "one of them decides.");
    }

    public static String escalated(RequestDetails d) {
        return ":sos: Nobody has answered your " + d.request().kind().label() + " request (#"
                + d.request().id()
                + ") yet, so it went to the MIIC help desk too. You will get a DM here when someone decides.";
    }

    public static String claimed(RequestDetails d) {
        return ":eyes: " + Text.escape(d.claimedBy().displayName()) + " of the MIIC help desk is looking at your "
                + d.request().kind().label() + " request (#" + d.request().id() + ").";
    }

    /** What the requester hears when it is decided; a reset's password comes in its own DM. */
    /** An approved reset whose temporary password could not be delivered (it was undone, or given up). */
    public static String approvedButNotDelivered(RequestDetails d) {
        String by =
                d.decidedBy() == null ? "" : " by " + Text.escape(d.decidedBy().displayName());
        return ":warning: Your " + d.request().kind().label() + " request (#"
                + d.request().id() + ") was approved"
                + by + ", but Slack could not deliver the temporary password to you, so it was taken back: your old"
                + " password still works. Ask again with `/miic request reset`, or call the MIIC help desk.";
    }

    public static String decidedForRequester(RequestDetails d) {
        HelpRequest r = d.request();
        String by =
                d.decidedBy() == null ? "" : " by " + Text.escape(d.decidedBy().displayName());
        String what = "Your " + r.kind().label() + " request (#" + r.id() + ")";
        return switch (r.status()) {
            case APPROVED -> ":white_check_mark: " + what + " was approved" + by + ". "
                    + switch (r.kind()) {
                        case UNLOCK -> "Your account is unlocked; sign in with your current password.";
                        case REACTIVATE -> "Your account is active again"
                                + (d.account().locked() ? ", but still locked: `/miic request unlock`." : ".");
                        case RESET -> "Your temporary password is in the message above; change it when you sign in.";
                    };
            case DENIED -> ":x: " + what + " was denied" + by
                    + (r.decisionNote() == null ? "." : ": " + Text.escape(r.decisionNote()))
                    + " Ask your site's MIIC administrator, or the MIIC help desk, if you have questions.";
            case EXPIRED -> ":hourglass: " + what + " was closed"
                    + (r.decisionNote() == null ? "." : ": " + Text.escape(r.decisionNote()) + ".")
                    + " If you still need help, ask again with `/miic request`.";
            case OPEN -> what + " is still open.";
        };
    }

    // ---- the queue, the Deny form

    public static List<LayoutBlock> queue(RequestQueue.Queue q, Instant now) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String title = q.manager()
                ? (q.helpDesk()
                        ? "*Open requests for help, oldest first*"
                        : "*Open requests you can decide, oldest first*")
                : "*Your open requests*";
        blocks.add(section(
                s -> s.text(Text.mrkdwn(title + (q.requests().isEmpty() ? "\nNothing is waiting. :tada:" : "")))));
        for (RequestDetails d : q.requests().subList(0, Math.min(q.requests().size(), 15))) {
            blocks.add(section(s -> s.text(Text.mrkdwn(Text.clip(summary(d), 2_800) + "\n_Waiting "
                    + age(d.request().age(now)) + "_"
                    + (d.request().isEscalated() ? " · with the help desk" : "")
                    + (d.claimedBy() == null
                            ? ""
                            : " · claimed by " + Text.escape(d.claimedBy().displayName()))))));
            if (q.manager()) {
                blocks.add(actions(a -> a.elements(decisionButtons(d.request(), false))));
            }
        }
        if (q.requests().size() > 15) {
            blocks.add(context(
                    c -> c.elements(List.of(Text.mrkdwn((q.requests().size() - 15) + " more; decide these first.")))));
        }
        return blocks;
    }

    public static View denyModal(RequestDetails d, String metadata) {
        return view(v -> v.type("modal")
                .callbackId(Ids.Callbacks.DENY_REQUEST)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Deny request")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Deny")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(section(s -> s.text(Text.mrkdwn(summary(d)))), input(i -> i.blockId(REASON)
                        .optional(true)
                        .label(plainText("Reason, for the requester"))
                        .element(plainTextInput(
                                p -> p.actionId(VALUE).multiline(true).maxLength(500)))))));
    }

    /** "4 min", "3 h 5 min", "2 days". */
    public static String age(Duration age) {
        long minutes = Math.max(0, age.toMinutes());
        if (minutes < 60) {
            return minutes + " min";
        }
        if (minutes < 24 * 60) {
            return (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
        }
        long days = minutes / (24 * 60);
        return days + (days == 1 ? " day" : " days");
    }

    private static List<BlockElement> decisionButtons(HelpRequest r, boolean claimable) {
        String id = Long.toString(r.id());
        List<BlockElement> buttons = new ArrayList<>();
        if (claimable) {
            buttons.add(button(b -> b.actionId(Ids.Actions.REQUEST_CLAIM)
                    .text(plainText("Claim"))
                    .value(id)));
        }
        buttons.add(button(b -> b.actionId(Ids.Actions.REQUEST_APPROVE)
                .text(plainText("Approve"))
                .style("primary")
                .value(id)));
        buttons.add(button(b -> b.actionId(Ids.Actions.REQUEST_DENY)
                .text(plainText("Deny"))
                .style("danger")
                .value(id)));
        return buttons;
    }

    /** Whether a status ends the request, for the copies that must lose their buttons. */
    public static boolean isFinal(RequestStatus status) {
        return status != RequestStatus.OPEN;
    }
}
