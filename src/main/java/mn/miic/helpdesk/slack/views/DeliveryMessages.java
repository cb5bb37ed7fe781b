package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.organizations.Organization;

/** The DMs that carry a temporary password, and the notices of changes. The only place a password is shown. */
public final class DeliveryMessages {

    /** A DM's notification text: never the password, which may show on a lock screen. */
    public static final String PASSWORD_FALLBACK = "A temporary MIIC password";

    private DeliveryMessages() {}

    public static List<LayoutBlock> passwordToOwner(IssuedPassword issued, Account by, boolean added) {
        Account a = issued.account();
        String text = (added ? "A MIIC account was created for you" : "Your MIIC password was reset") + " by "
                + Text.boldName(by) + ".\n"
                + "Username: `" + a.username() + "` at " + Text.org(issued.organization()) + "\n"
                + "Temporary password: `" + issued.password().reveal() + "`\n"
                + "Sign in to MIIC before " + Text.dateTime(a.passwordExpiresAt())
                + "; you will be asked to choose your own password then.";
        return List.of(
                section(s -> s.text(Text.mrkdwn(text))),
                context(c -> c.elements(List.of(Text.mrkdwn(
                        "Do not share this password. If you did not expect this message, tell your site's MIIC"
                                + " administrator.")))));
    }

    public static List<LayoutBlock> passwordToAdministrator(IssuedPassword issued, boolean added) {
        Account a = issued.account();
        String text = "Temporary password for " + Text.boldName(a) + " at " + Text.org(issued.organization())
                + (added ? " (new account)" : "") + ":\n`" + issued.password().reveal() + "`\n"
                + "Give it to them in person or by phone, not by email. They must sign in and change it before "
                + Text.dateTime(a.passwordExpiresAt()) + ".";
        return List.of(
                section(s -> s.text(Text.mrkdwn(text))),
                context(c -> c.elements(List.of(Text.mrkdwn(
                        "Their Slack is not linked to MIIC, so it came to you. This message is the only copy.")))));
    }

    public static String sentToOwner(Account target, String slackUserId) {
        return "The temporary password was sent by DM to " + Text.boldName(target) + " (<@" + slackUserId + ">).";
    }

    /** What the administrator hears at once: the password's DM follows, and where it went after. */
    public static String onItsWay(Account target) {
        return "The temporary password is on its way by Slack DM: to " + Text.boldName(target)
                + " if their Slack is linked, else to you. You will hear here where it went.";
    }

    /** The first words of the report once the password has gone: what was done. */
    public static String done(Account target, Organization org, boolean added) {
        return added
                ? ":white_check_mark: Added " + Text.boldName(target) + ", "
                        + target.role().label() + " at " + Text.org(org) + "."
                : ":white_check_mark: Reset the password of " + Text.boldName(target) + ".";
    }

    public static String sentToAdministrator(Account target) {
        return "The temporary password was sent to you by DM: hand it to " + Text.boldName(target)
                + " in person or by phone.";
    }

    public static String undone(Account target, boolean added) {
        return ":warning: I could not deliver the temporary password by Slack DM, so I undid it: "
                + (added
                        ? "the account of " + Text.boldName(target) + " exists but has no password yet. Reset it"
                                + " with `/miic reset " + target.username() + "` when Slack is back."
                        : "the old password of " + Text.boldName(target) + " still works. Please try again in a few"
                                + " minutes.");
    }

    public static String notUndone(Account target, String why) {
        return ":warning: I could not deliver the temporary password for " + Text.boldName(target)
                + " by Slack DM, and could not undo it either (" + Text.escape(why) + "). Reset it again with"
                + " `/miic reset " + target.username() + "`.";
    }

    public static String notSent(Account target, String why) {
        return "The temporary password for " + Text.boldName(target) + " was not sent: " + Text.escape(why) + ".";
    }

    public static String changeNotice(String whatHappened, Account by) {
        // What happened can carry a note someone typed (an inactivation's): text, never markup.
        return "Your MIIC account " + Text.escape(whatHappened) + " by " + Text.name(by) + ".";
    }

    public static List<LayoutBlock> notice(String text) {
        return List.of(
                section(s -> s.text(Text.mrkdwn(text))),
                context(c -> c.elements(
                        List.of(Text.mrkdwn("Questions? Ask your site's MIIC administrator or the MIIC help desk.")))));
    }
}
