package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

import com.slack.api.model.block.LayoutBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Requester;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Privilege;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;

/** {@code /miic help} and {@code /miic roles}: what this person may do, and what each role may do (the guide's table). */
public final class HelpMessages {

    private HelpMessages() {}

    public static List<LayoutBlock> help(AccountCard own) {
        Account a = own.account();
        boolean manager = a.managesUsers() && a.isInGoodStanding();
        boolean helpDesk = Requester.isHelpDesk(a, own.organization());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn("*MIIC help desk bot* · you are " + Text.boldName(a) + ", "
                + a.role().label() + " at " + Text.org(own.organization())))));
        StringBuilder text = new StringBuilder();
        if (manager) {
            text.append("*Manage your site's MIIC users*\n")
                    .append("`/miic users [name]` search by last name, first name or username (blank lists all);"
                            + " `--dua-before YYYY-MM-DD` finds user DUAs older than a date\n")
                    .append("`/miic user &lt;username&gt;` an account and what you can do with it\n")
                    .append("`/miic add` add a user (a form opens)\n")
                    .append("`/miic edit &lt;username&gt;` change a user's details, role, status or lock\n")
                    .append("`/miic unlock &lt;username&gt;` unlock after too many failed sign-ins\n")
                    .append("`/miic reactivate &lt;username&gt;` reactivate an inactive account\n")
                    .append("`/miic inactivate &lt;username&gt;` inactivate, with the reason\n")
                    .append("`/miic offboard &lt;username&gt;` someone left: inactivate, remove their other"
                            + " organizations and Slack link, tell the administrators\n")
                    .append("`/miic reset &lt;username&gt;` a new temporary password, sent by DM\n")
                    .append("`/miic audit &lt;username&gt;` an account's recent history\n")
                    .append("`/miic queue` requests for help waiting for a decision, oldest first\n")
                    .append("`/miic dua` your organizations' Data Use Agreements and when they lapse\n")
                    .append("`/miic review` the access reviews waiting for you: confirm who still needs MIIC\n")
                    .append("`/miic stats` requests for help: how soon they were answered and decided, and by whom\n")
                    .append("Instead of a username you can mention a linked Slack user: `/miic unlock @Mickey`.\n\n");
        }
        text.append("*For everyone*\n")
                .append("`/miic request unlock|reset|reactivate [note]` ask your site's administrators about your own"
                        + " account\n")
                .append("`/miic request help &lt;question&gt;` write to the MIIC help desk\n")
                .append("`/miic whoami` your MIIC account, role, organization and status\n")
                .append("`/miic roles` the MIIC roles and what each may do\n")
                .append("`/miic org [CODE]` show or switch the organization you work in\n");
        if (helpDesk) {
            text.append("`/miic link @user &lt;username&gt;` link a Slack user to a MIIC account by hand\n")
                    .append("`/miic unlink @user` (or `&lt;username&gt;`) drop a link that is wrong\n")
                    .append("`/miic outbox` the messages the bot owes people: waiting, undone, given up\n")
                    .append("`/miic dua renew CODE YYYY-MM-DD` record an organization's renewed Data Use Agreement\n")
                    .append(
                            "`/miic review start [CODE …]` start an access review, MIIC-wide or of some organizations\n");
        }
        if (!a.isInGoodStanding()) {
            text.append("\n:warning: Your account is ")
                    .append(Text.state(a))
                    .append(". Ask your site's MIIC administrator with `/miic request ")
                    .append(a.locked() ? "unlock" : "reactivate")
                    .append("`, or call the MIIC help desk.\n");
        }
        blocks.add(section(s -> s.text(Text.mrkdwn(text.toString()))));
        blocks.add(helpDeskContact());
        return blocks;
    }

    /** For a Slack user who is not linked: how to get linked, and nothing else. */
    public static List<LayoutBlock> notLinked(String message) {
        return List.of(
                section(
                        s -> s.text(
                                Text.mrkdwn(
                                        ":wave: " + Text.escape(message)
                                                + "\nYou can also write to the MIIC help desk from here: `/miic request help &lt;your question&gt;`."))),
                helpDeskContact());
    }

    public static List<LayoutBlock> roles() {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn("*MIIC roles* (from the guide's \"Identifying user roles\")."
                + " Each role can also be given *with Ordering*, which adds vaccine ordering."))));
        for (Role role : Role.values()) {
            String privileges =
                    role.privileges().stream().map(Privilege::description).collect(Collectors.joining(", "));
            blocks.add(section(s -> s.text(Text.mrkdwn("*" + role.label() + "*: " + privileges + "."))));
        }
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn(
                "You can give only roles whose privileges you have yourself. Schools and child care get read-only"
                        + " roles only.")))));
        return blocks;
    }

    public static LayoutBlock helpDeskContact() {
        return context(c -> c.elements(List.of(Text.mrkdwn("MIIC help desk: " + AccessPolicy.HELP_DESK_EMAIL
                + " · <https://www.health.state.mn.us/miic|www.health.state.mn.us/miic>"))));
    }
}
