package mn.miic.helpdesk.slack.views;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.organizations.Organization;

/** How messages write names, dates and user-typed text: Minnesota's time zone, and Slack's three escapes. */
public final class Text {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.US);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("MM/dd/yyyy h:mm a z", Locale.US).withZone(AccessPolicy.MINNESOTA);

    private Text() {}

    /** Slack mrkdwn treats &, < and > as markup; names and notes are shown as typed. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String date(LocalDate date) {
        return date == null ? "—" : DATE.format(date);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "—" : DATE_TIME.format(instant);
    }

    /** "Mickey Mouse (mousem1)", escaped. */
    public static String name(Account account) {
        return escape(account.displayName());
    }

    /** "*Mickey Mouse* (`mousem1`)": the full name next to the username. */
    public static String boldName(Account account) {
        return "*" + escape(account.name().fullName()) + "* (`" + account.username() + "`)";
    }

    public static String org(Organization organization) {
        return escape(organization.displayName());
    }

    public static String state(Account account) {
        return account.status().label() + ", " + (account.locked() ? "Locked" : "Unlocked");
    }

    /** Slack's limit for most texts is 3,000 characters; cut long lists rather than lose the message. */
    public static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
