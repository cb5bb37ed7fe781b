package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.requests.RequestKind;
import mn.miic.helpdesk.slack.Ids;

/** The buttons that ask for help with one's own account, and the notices that reach a person with one. */
public final class AskMessages {

    private AskMessages() {}

    /**
     * The DM that reaches a person the sign-in page just locked out, before they have to ask: what happened, when,
     * and one button that files the request (with every rule of requests).
     */
    public static List<LayoutBlock> lockedOut(Account own, Organization org, int failures, java.time.Instant at) {
        String text = ":lock: Your MIIC account " + Text.boldName(own) + " at " + Text.org(org)
                + " was locked at " + Text.dateTime(at) + " after " + failures
                + " wrong passwords in a row. If that was you, ask your site's MIIC administrator to unlock it. If it"
                + " was not you, tell them: someone may be trying your account.";
        return withAsk(text, RequestKind.UNLOCK, "Ask my administrator to unlock");
    }

    /** The sweep expired the account: its owner hears it, with the button that asks for reactivation. */
    public static List<LayoutBlock> expired(Account own) {
        String text = ":hourglass: Your MIIC account " + Text.boldName(own) + " is now *Inactive Expired*: nobody"
                + " signed in to it for 90 days. Ask your site's MIIC administrator to reactivate it.";
        return withAsk(text, RequestKind.REACTIVATE, "Ask to reactivate");
    }

    /**
     * The account's password expired: an unused temporary one no longer signs in, so only a new one helps; an
     * ordinary one is replaced at the next sign-in, and the button is for someone who no longer remembers it.
     */
    public static List<LayoutBlock> passwordExpired(
            Account own, Organization org, java.time.Instant expiredAt, boolean temporary) {
        String text = temporary
                ? ":key: The temporary password of your MIIC account " + Text.boldName(own) + " at " + Text.org(org)
                        + " expired unused at " + Text.dateTime(expiredAt)
                        + ", so it no longer signs in. Your site's MIIC administrator can give you a new one."
                : ":key: The password of your MIIC account " + Text.boldName(own) + " at " + Text.org(org)
                        + " expired at " + Text.dateTime(expiredAt) + ". The next time you sign in, MIIC asks you"
                        + " to choose a new one. If you no longer remember it, ask for a new password.";
        return withAsk(text, RequestKind.RESET, "Ask for a new password");
    }

    /** A notice and the one button that files the request it calls for (the App Home's ask buttons' action). */
    private static List<LayoutBlock> withAsk(String text, RequestKind kind, String label) {
        return List.of(
                section(s -> s.text(Text.mrkdwn(text))),
                actions(a -> a.elements(List.of(button(b -> b.actionId(Ids.Actions.askButton(kind))
                        .text(plainText(label))
                        .style("primary")
                        .value(kind.name()))))));
    }

    /** The home's "ask for" buttons: the ones that make sense for the account as it is. */
    public static List<BlockElement> askButtons(Account own) {
        List<BlockElement> buttons = new ArrayList<>();
        for (RequestKind kind : RequestKind.values()) {
            if (kind.needlessFor(own).isEmpty()) {
                String label =
                        switch (kind) {
                            case UNLOCK -> "Ask for an unlock";
                            case RESET -> "Ask for a new password";
                            case REACTIVATE -> "Ask for reactivation";
                        };
                buttons.add(button(b -> b.actionId(Ids.Actions.askButton(kind))
                        .text(plainText(label))
                        .value(kind.name())));
            }
        }
        return buttons;
    }
}
