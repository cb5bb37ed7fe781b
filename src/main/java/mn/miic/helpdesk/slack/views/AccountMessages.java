package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.overflowMenu;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.AccountAction;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.AccountPage;
import mn.miic.helpdesk.accounts.store.AccountSearch;
import mn.miic.helpdesk.accounts.store.StatusFilter;
import mn.miic.helpdesk.accounts.usecases.ReadAuditTrail;
import mn.miic.helpdesk.accounts.usecases.SearchAccounts;
import mn.miic.helpdesk.accounts.usecases.SwitchOrganization;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.slack.AccountOp;
import mn.miic.helpdesk.slack.Ids;
import mn.miic.helpdesk.slack.SearchPage;

/** The messages about accounts: search results, the account card, confirmations, history. Block Kit lives here. */
public final class AccountMessages {

    /** Rows a search page shows: each is one block, well under Slack's 50 blocks a message. */
    public static final int PAGE_SIZE = 10;

    private AccountMessages() {}

    /** One sentence as a message. */
    public static List<LayoutBlock> say(String mrkdwn) {
        return List.of(section(s -> s.text(Text.mrkdwn(Text.clip(mrkdwn, 3000)))));
    }

    /** The notification's line for a search (what Slack shows where the blocks are not): the count as the list says. */
    public static String searchSummary(SearchAccounts.Result result) {
        int total = result.page().total();
        if (pastTheCount(result)) {
            return "More than " + AccountSearch.COUNT_LIMIT + " MIIC accounts found";
        }
        return total + (total == 1 ? " MIIC account found" : " MIIC accounts found");
    }

    /** Only the search of every organization stops counting; one organization's count is exact. */
    private static boolean pastTheCount(SearchAccounts.Result result) {
        return result.everywhere() && result.page().total() > AccountSearch.COUNT_LIMIT;
    }

    /** The guide's Manage Users list: Last Name, First Name, MI, Username, Status, Locked, Password Expires, Role. */
    public static List<LayoutBlock> searchResults(SearchAccounts.Result result, SearchPage asked) {
        AccountPage page = result.page();
        List<LayoutBlock> blocks = new ArrayList<>();
        String what = asked.text() == null || asked.text().isBlank()
                ? "All " + filterWord(asked.filter()) + "users"
                : filterWord(asked.filter()).isEmpty()
                        ? "Users matching “" + Text.escape(asked.text().trim()) + "”"
                        : capitalize(filterWord(asked.filter())) + "users matching “"
                                + Text.escape(asked.text().trim()) + "”";
        String dua = asked.duaBeforeDate() == null
                ? ""
                : " whose user DUA is older than " + Text.date(asked.duaBeforeDate()) + " or not on file";
        String where =
                result.everywhere() ? " in every organization you reach" : " at " + Text.org(result.organization());
        boolean more = pastTheCount(result);
        String count = more
                ? "More than " + AccountSearch.COUNT_LIMIT + " accounts: type more of the name"
                : page.total() + (page.total() == 1 ? " account" : " accounts");
        String pages = more ? "more than " + (page.pages() - 1) : String.valueOf(page.pages());
        blocks.add(section(s -> s.text(Text.mrkdwn("*" + what + dua + "*" + where + "\n"
                + count
                + (page.pages() > 1 ? " · page " + (page.page() + 1) + " of " + pages : "")))));
        if (page.accounts().isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(
                    Text.mrkdwn("Nothing found. Search by last name, first name or username, or type `/miic users` for"
                            + " everyone.")))));
        }
        for (Account account : page.accounts()) {
            blocks.add(row(
                    account,
                    result.allowed(account),
                    asked.duaBeforeDate() != null,
                    result.organizations().get(account.organizationId())));
        }
        List<BlockElement> paging = new ArrayList<>();
        if (page.page() > 0) {
            paging.add(button(b -> b.actionId(Ids.Actions.SEARCH_PREVIOUS)
                    .text(plainText("‹ Previous"))
                    .value(asked.withPage(page.page() - 1).encode())));
        }
        if (page.hasNext()) {
            paging.add(button(b -> b.actionId(Ids.Actions.SEARCH_NEXT)
                    .text(plainText("Next ›"))
                    .value(asked.withPage(page.page() + 1).encode())));
        }
        if (!paging.isEmpty()) {
            blocks.add(actions(a -> a.elements(paging)));
        }
        return blocks;
    }

    /** @param organization shown on the row (a search of every organization), or null */
    private static LayoutBlock row(
            Account account, Set<AccountAction> allowed, boolean showUserDua, Organization organization) {
        String line = "*" + Text.escape(account.name().last()) + ", "
                + Text.escape(account.name().first())
                + (account.name().middleInitial() == null
                        ? ""
                        : " " + account.name().middleInitial() + ".")
                + "*  `" + account.username() + "`\n"
                + account.status().label() + " · " + (account.locked() ? ":lock: Locked" : "Unlocked")
                + " · Password expires " + Text.date(passwordExpiry(account)) + " · "
                + account.role().label()
                + (showUserDua ? " · User DUA " + Text.date(account.userDuaDate()) : "")
                + (organization == null ? "" : "\n" + Text.org(organization));
        // An overflow menu holds at most 5 items: the allowed actions first, then the card, then the history.
        List<OptionObject> options = new ArrayList<>();
        for (AccountAction action : AccountAction.values()) {
            if (allowed.contains(action)) {
                options.add(menuItem(AccountOp.of(action), account));
            }
        }
        options.add(menuItem(AccountOp.VIEW, account));
        if (options.size() < 5) {
            options.add(menuItem(AccountOp.AUDIT, account));
        }
        return section(s -> s.text(Text.mrkdwn(line)).accessory(overflowMenu(o -> o.actionId(Ids.Actions.ACCOUNT_MENU)
                .options(options))));
    }

    private static OptionObject menuItem(AccountOp op, Account account) {
        return option(plainText(op.label()), new AccountOp.Value(op, account.username(), null).encode());
    }

    /** The account card: the Edit User form's fields, read-only, with buttons for what the viewer may do. */
    public static List<LayoutBlock> card(AccountCard card) {
        Account a = card.account();
        List<TextObject> fields = new ArrayList<>();
        fields.add(field("Organization", Text.org(card.organization())));
        fields.add(field("Role", a.role().label()));
        fields.add(field(
                "Status",
                a.status().label()
                        + (a.inactivationReason() == null ? "" : " (" + Text.escape(a.inactivationReason()) + ")")));
        fields.add(field("Account locked", a.locked() ? ":lock: Locked" : "Unlocked"));
        fields.add(field("Password expires", Text.date(passwordExpiry(a))));
        fields.add(field("Last sign-in", Text.dateTime(a.lastSignInAt())));
        fields.add(field("Email", a.email() == null ? "—" : Text.escape(a.email())));
        fields.add(field("Phone", a.phone().isEmpty() ? "—" : a.phone().display()));
        fields.add(field("User DUA date", Text.date(a.userDuaDate())));
        if (!card.additionalOrganizations().isEmpty()) {
            fields.add(field(
                    "Also works at",
                    card.additionalOrganizations().stream().map(Text::org).collect(Collectors.joining(", "))));
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn(Text.boldName(a))).fields(fields)));
        if (a.accessUntil() != null) {
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(":hourglass_flowing_sand: Access until "
                    + Text.date(a.accessUntil())
                    + (a.isActive()
                            ? ": the account is inactivated the day after."
                            : " (its last day of time-limited access)."))))));
        }
        if (card.offboarded() != null) {
            var o = card.offboarded();
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(":door: Offboarded " + Text.dateTime(o.at())
                    + (o.by() == null ? "" : " by " + Text.boldName(o.by()))
                    + ": no longer works for this site"
                    + (o.removedOrganizations() == null
                            ? ""
                            : "; removed from " + Text.escape(o.removedOrganizations()))
                    + ". Its Slack link was dropped, and the bot does not find its person in Slack again until it is"
                    + " reactivated.")))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        for (AccountAction action : AccountAction.values()) {
            if (card.allowedActions().contains(action)) {
                AccountOp op = AccountOp.of(action);
                buttons.add(button(b -> b.actionId(Ids.Actions.accountButton(op))
                        .text(plainText(op.label()))
                        .value(new AccountOp.Value(op, a.username(), null).encode())));
            }
        }
        if (!card.allowedActions().isEmpty()) {
            buttons.add(button(b -> b.actionId(Ids.Actions.accountButton(AccountOp.AUDIT))
                    .text(plainText(AccountOp.AUDIT.label()))
                    .value(new AccountOp.Value(AccountOp.AUDIT, a.username(), null).encode())));
            blocks.add(actions(x -> x.elements(buttons)));
        }
        return blocks;
    }

    /** "Unlock Mickey Mouse (mousem1)?" with the yes carrying a one-time nonce, so a double click acts once. */
    public static List<LayoutBlock> confirmation(AccountOp op, AccountCard card, String nonce) {
        Account a = card.account();
        String question =
                switch (op) {
                    case UNLOCK -> "Unlock " + Text.boldName(a) + " at " + Text.org(card.organization()) + "?\n"
                            + "Their failed sign-ins are cleared; their password stays the same.";
                    case REACTIVATE -> "Reactivate " + Text.boldName(a) + " ("
                            + a.status().label() + ") at " + Text.org(card.organization())
                            + "?\nThe 90-day inactivity clock restarts today.";
                    case RESET -> "Reset the password of " + Text.boldName(a) + " at "
                            + Text.org(card.organization()) + "?\n"
                            + "A temporary password goes by DM to them if they are in this Slack workspace,"
                            + " otherwise to you. Their current password stops working."
                            + (a.locked() || !a.isActive()
                                    ? "\n:warning: The account is " + Text.state(a)
                                            + "; a reset does not unlock or reactivate it."
                                    : "");
                    default -> throw new IllegalArgumentException(op.name());
                };
        return List.of(
                section(s -> s.text(Text.mrkdwn(question))),
                actions(x -> x.elements(List.of(
                        button(b -> b.actionId(Ids.Actions.CONFIRM)
                                .text(plainText(op.label()))
                                .style(op == AccountOp.RESET ? "danger" : "primary")
                                .value(new AccountOp.Value(op, a.username(), nonce).encode())),
                        button(b -> b.actionId(Ids.Actions.CANCEL)
                                .text(plainText("Cancel"))
                                .value(a.username()))))));
    }

    /** The account's recent changes and refused attempts, newest first, in Minnesota time. */
    public static List<LayoutBlock> auditTrail(ReadAuditTrail.Trail trail) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn("*History of " + Text.boldName(trail.account()) + "*"
                + (trail.entries().isEmpty() ? "\nNo changes recorded yet." : "")))));
        for (AuditEntry e : trail.entries()) {
            String who = e.actorUsername() == null ? "an operator import" : "`" + e.actorUsername() + "`";
            StringBuilder line = new StringBuilder(Text.dateTime(e.occurredAt()) + " · *" + describe(e) + "* by " + who
                    + (e.outcome() == AuditEntry.Outcome.REFUSED ? " — refused" : ""));
            if (e.changes() != null && !e.changes().isEmpty()) {
                line.append("\n")
                        .append(e.changes().entrySet().stream()
                                .map(c -> change(c.getKey(), c.getValue()))
                                .collect(Collectors.joining("; ")));
            }
            if (e.reason() != null) {
                line.append("\n_").append(Text.escape(e.reason())).append("_");
            }
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(Text.clip(line.toString(), 3000))))));
        }
        return blocks;
    }

    /** "phone: 5550142 → 5550199"; a field set for the first time shows only its value, one cleared says so. */
    private static String change(String field, Change change) {
        String name = field.replace('_', ' ') + ": ";
        if (change.before() == null) {
            return name + Text.escape(String.valueOf(change.after()));
        }
        return name + Text.escape(String.valueOf(change.before())) + " → "
                + (change.after() == null ? "(none)" : Text.escape(String.valueOf(change.after())));
    }

    private static String describe(AuditEntry e) {
        return switch (e.action()) {
            case ADD -> "Added";
            case EDIT -> "Edited";
            case UNLOCK -> "Unlocked";
            case REACTIVATE -> "Reactivated";
            case INACTIVATE -> "Inactivated";
            case RESET_PASSWORD -> "Password reset";
            case UNDO_TEMPORARY_PASSWORD -> "Password reset undone";
            case IMPORT_ACCOUNT -> "Imported";
            case LINK_SLACK_USER -> "Slack linked";
            case UNLINK_SLACK_USER -> "Slack link dropped";
            default -> capitalize(e.action().name().toLowerCase().replace('_', ' '));
        };
    }

    /** {@code whoami}: the linked account, its role, organization and status. */
    public static List<LayoutBlock> whoami(AccountCard card, Organization working, String slackUserId) {
        Account a = card.account();
        String text = "<@" + slackUserId + "> is linked to the MIIC account " + Text.boldName(a) + ".\n"
                + "*Role:* " + a.role().label() + "\n"
                + "*Organization:* " + Text.org(card.organization())
                + (working.id() == card.organization().id() ? "" : " (working in " + Text.org(working) + " now)")
                + "\n*Status:* " + Text.state(a) + "\n"
                + "*Password expires:* " + Text.date(passwordExpiry(a));
        return say(text);
    }

    /** {@code org}: where commands act now, and where they can switch. */
    public static List<LayoutBlock> organizations(SwitchOrganization.Organizations orgs, boolean switched) {
        StringBuilder text = new StringBuilder(
                (switched ? "You now work in " : "You work in ") + "*" + Text.org(orgs.current()) + "*.");
        if (orgs.anyOrganization()) {
            text.append("\nAs the MIIC help desk you can switch to any organization: `/miic org CODE`. `/miic org "
                    + orgs.choices().get(0).code() + "` takes you home.");
        } else if (orgs.choices().size() > 1) {
            text.append("\nYou can switch with `/miic org CODE` to:\n");
            text.append(orgs.choices().stream()
                    .map(o -> "• `" + o.code() + "` " + Text.escape(o.name()))
                    .collect(Collectors.joining("\n")));
        } else {
            text.append("\nYour account works in this organization only.");
        }
        return say(text.toString());
    }

    private static TextObject field(String label, String value) {
        return Text.mrkdwn("*" + label + "*\n" + value);
    }

    /** The "Password Expires" column: when the current password stops working, if it was set to expire. */
    private static java.time.LocalDate passwordExpiry(Account account) {
        return account.passwordExpiresAt() == null
                ? null
                : account.passwordExpiresAt()
                        .atZone(mn.miic.helpdesk.accounts.access.AccessPolicy.MINNESOTA)
                        .toLocalDate();
    }

    private static String filterWord(StatusFilter filter) {
        return switch (filter) {
            case ALL -> "";
            case ACTIVE -> "active ";
            case INACTIVE -> "inactive ";
        };
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
