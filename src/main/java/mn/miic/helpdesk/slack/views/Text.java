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

    // Right-to-left overrides and isolates: typed, they can make a name or a note read differently from what it is.
    private static final java.util.regex.Pattern BIDI_CONTROLS =
            java.util.regex.Pattern.compile("[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]");

    /**
     * Typed text (names, notes, reasons, questions, anything imported) as Slack must show it: as text. Slack mrkdwn
     * treats &, < and > as markup ({@code <!channel>}, {@code <@U…>}, {@code <https://…|…>}), so they are escaped;
     * direction controls are dropped. Shown in {@link #mrkdwn} objects, which Slack does not auto-link either.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return BIDI_CONTROLS
                .matcher(text)
                .replaceAll("")
                .replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /** Typed text for a plain_text object, which shows markup as it is: only direction controls are dropped. */
    public static String plain(String text) {
        return text == null ? "" : BIDI_CONTROLS.matcher(text).replaceAll("");
    }

    /**
     * Every mrkdwn text object the bot sends: verbatim, so that a bare URL, an {@code @channel} or a {@code #channel}
     * in a note stays text; the bot's own links and mentions are written out as Slack markup and still work.
     */
    public static com.slack.api.model.block.composition.MarkdownTextObject mrkdwn(String text) {
        return com.slack.api.model.block.composition.MarkdownTextObject.builder()
                .text(text)
                .verbatim(true)
                .build();
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
