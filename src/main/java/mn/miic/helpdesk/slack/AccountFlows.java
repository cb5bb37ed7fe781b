package mn.miic.helpdesk.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.FormOptions;
import mn.miic.helpdesk.accounts.usecases.SwitchOrganization;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.identity.Identity;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.views.AccountMessages;
import mn.miic.helpdesk.slack.views.AccountModals;
import mn.miic.helpdesk.slack.views.HelpMessages;
import mn.miic.helpdesk.slack.views.OutboxMessages;
import mn.miic.helpdesk.slack.views.Text;

/**
 * What a site administrator does from Slack, whether they typed a command or clicked a button: each step resolves
 * who they are now, runs the use case (which authorizes again), and answers ephemerally.
 */
public final class AccountFlows {

    private static final Pattern MENTION = Pattern.compile("^<@([A-Z0-9]+)(?:\\|[^>]*)?>$");

    private final AccountUseCases accounts;
    private final SlackIdentities identities;
    private final SlackApi slack;

    public AccountFlows(AccountUseCases accounts, SlackIdentities identities, SlackApi slack) {
        this.accounts = accounts;
        this.identities = identities;
        this.slack = slack;
    }

    /** The requester's account as linked now; an unlinked Slack user hears how to get linked, and nothing else. */
    public Account who(Turn turn) {
        Identity identity = identities.resolve(turn.slackUserId(), turn.requestId(), slack::profileEmail);
        if (identity instanceof Identity.Linked linked) {
            return linked.account();
        }
        throw new NotLinked(((Identity.NotLinked) identity).message());
    }

    public Actor actor(Turn turn) {
        return new Actor(who(turn).id(), turn.slackUserId(), turn.requestId());
    }

    /** A username as typed, or the account behind a Slack mention. */
    public String target(String typed) {
        String text = typed == null ? "" : typed.trim();
        Matcher mention = MENTION.matcher(text);
        if (mention.matches()) {
            String slackUser = mention.group(1);
            return identities
                    .usernameOf(slackUser)
                    .orElseThrow(() -> Refusal.notAllowed("<@" + slackUser
                            + "> is not linked to a MIIC account, so I cannot tell which account you mean. Use their"
                            + " MIIC username instead."));
        }
        if (text.startsWith("@")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || text.contains(" ")) {
            throw Refusal.notAllowed("Name one account by its MIIC username, for example `mousem1`.");
        }
        return text;
    }

    public void help(Turn turn) {
        AccountCard own = accounts.view().self(actor(turn));
        reply(turn, HelpMessages.help(own), "MIIC help");
    }

    public void roles(Turn turn) {
        who(turn);
        reply(turn, HelpMessages.roles(), "MIIC roles");
    }

    public void whoami(Turn turn) {
        Actor actor = actor(turn);
        AccountCard own = accounts.view().self(actor);
        SwitchOrganization.Organizations orgs = accounts.organizations().show(actor);
        reply(turn, AccountMessages.whoami(own, orgs.current(), turn.slackUserId()), "Your MIIC account");
    }

    public void organizations(Turn turn, String code) {
        Actor actor = actor(turn);
        boolean switching = code != null && !code.isBlank();
        var orgs = switching
                ? accounts.organizations().switchTo(actor, code.trim())
                : accounts.organizations().show(actor);
        reply(turn, AccountMessages.organizations(orgs, switching), "Your organization");
    }

    public void search(Turn turn, SearchPage page, boolean replace) {
        var result = accounts.search()
                .execute(actor(turn), page.org(), page.text(), page.filter(), page.page(), AccountMessages.PAGE_SIZE);
        SearchPage asked = new SearchPage(result.organization().code(), page.text(), page.filter(), page.page());
        List<LayoutBlock> blocks = AccountMessages.searchResults(result, asked);
        String text = result.page().total() + " MIIC accounts found";
        slack.respond(turn.responseUrl(), replace ? Replies.replacing(blocks, text) : Replies.ephemeral(blocks, text));
    }

    public void card(Turn turn, String username) {
        AccountCard card = accounts.view().execute(actor(turn), username);
        reply(turn, AccountMessages.card(card), card.account().displayName());
    }

    public void auditTrail(Turn turn, String username) {
        var trail = accounts.auditTrail().execute(actor(turn), username, 15);
        reply(
                turn,
                AccountMessages.auditTrail(trail),
                "History of " + trail.account().displayName());
    }

    /** The start of an action: a confirmation for unlock, reactivate and reset; the form for edit and inactivate. */
    public void start(Turn turn, AccountOp op, String username) {
        if (op == AccountOp.VIEW) {
            card(turn, username);
            return;
        }
        if (op == AccountOp.AUDIT) {
            auditTrail(turn, username);
            return;
        }
        Actor actor = actor(turn);
        switch (op) {
            case EDIT -> {
                FormOptions.EditForm form = accounts.forms().forEdit(actor, username);
                String meta = new ModalMetadata(
                                form.account().username(), form.account().version(), null, turn.responseUrl())
                        .encode();
                open(turn, AccountModals.edit(form, meta));
            }
            case INACTIVATE -> {
                FormOptions.InactivateForm form = accounts.forms().forInactivate(actor, username);
                AccountCard card = form.card();
                String meta = new ModalMetadata(
                                card.account().username(), card.account().version(), null, turn.responseUrl())
                        .encode();
                open(turn, AccountModals.inactivate(card, form.helpDesk(), meta));
            }
            case UNLOCK, REACTIVATE, RESET -> {
                AccountCard card =
                        accounts.view().prepare(actor, username, op.action().orElseThrow());
                String nonce = UUID.randomUUID().toString();
                reply(
                        turn,
                        AccountMessages.confirmation(op, card, nonce),
                        op.label() + " " + card.account().username() + "?");
            }
        }
    }

    /** The confirmation's yes. The nonce makes a double click (or a second instance) act once. */
    public void confirmed(Turn turn, AccountOp op, String username, String nonce) {
        Account by = who(turn);
        // A reset's outcome takes the confirmation's place once its password has gone (or could not).
        Actor actor = new Actor(by.id(), turn.slackUserId(), turn.requestId())
                .once("confirm:" + nonce)
                .replyingTo(ReplyTo.inPlaceOf(turn.responseUrl()));
        String outcome;
        switch (op) {
            case UNLOCK -> {
                Account after = accounts.unlock().execute(actor, username);
                outcome = ":white_check_mark: Unlocked " + Text.boldName(after) + ". They can sign in with their"
                        + " current password"
                        + (after.isActive()
                                ? "."
                                : ", once the account is reactivated ("
                                        + after.status().label() + ").");
            }
            case REACTIVATE -> {
                Account after = accounts.reactivate().execute(actor, username);
                outcome = ":white_check_mark: Reactivated " + Text.boldName(after) + "."
                        + (after.locked()
                                ? " The account is still locked: `/miic unlock " + after.username() + "`."
                                : "");
            }
            case RESET -> {
                accounts.reset().execute(actor, username);
                return;
            }
            default -> throw new IllegalArgumentException(op.name());
        }
        slack.respond(turn.responseUrl(), Replies.replacing(AccountMessages.say(outcome), "Done"));
    }

    public void openAdd(Turn turn, String orgCode) {
        FormOptions.AddForm form = accounts.forms().forAdd(actor(turn), orgCode);
        String meta = new ModalMetadata(null, null, form.organization().code(), turn.responseUrl()).encode();
        open(turn, AccountModals.add(form, meta));
    }

    public void outbox(Turn turn) {
        reply(turn, OutboxMessages.report(accounts.outbox().execute(actor(turn))), "What the bot owes people");
    }

    public void link(Turn turn, String mention, String username) {
        Matcher m = MENTION.matcher(mention == null ? "" : mention.trim());
        if (!m.matches() || username == null || username.isBlank()) {
            throw Refusal.notAllowed("Write it as `/miic link @someone username`.");
        }
        Account linked = identities.linkByHand(actor(turn), m.group(1), username.trim());
        reply(
                turn,
                AccountMessages.say(":link: <@" + m.group(1) + "> is now linked to " + Text.boldName(linked) + "."),
                "Linked");
    }

    private void open(Turn turn, com.slack.api.model.view.View view) {
        if (!slack.openView(turn.triggerId(), view)) {
            reply(
                    turn,
                    AccountMessages.say(":warning: Slack did not open the form (it waits only a few seconds)."
                            + " Nothing was changed; please try again."),
                    "The form did not open");
        }
    }

    void reply(Turn turn, List<LayoutBlock> blocks, String text) {
        slack.respond(turn.responseUrl(), Replies.ephemeral(blocks, text));
    }
}
