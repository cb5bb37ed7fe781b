package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.compliance.DataUseAgreements;
import mn.miic.helpdesk.compliance.DataUseAgreements.Standing;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.slack.Ids;

/** Compliance in Slack: Data Use Agreements (where they stand, renewals, reminders, the form) and leavers. */
public final class ComplianceMessages {

    /** Organizations one message lists: one line each, well under Slack's 3,000 characters a section. */
    public static final int LIST_LIMIT = 40;

    private static final String CONTACT = "contact the MIIC help desk at " + AccessPolicy.HELP_DESK_EMAIL;

    private ComplianceMessages() {}

    /** {@code /miic dua}: one line per organization, soonest to lapse first. */
    public static List<LayoutBlock> duaList(DataUseAgreements.Listing listing) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<Standing> all = listing.organizations();
        String title = listing.helpDesk()
                ? "*Data Use Agreements lapsing within " + DataUseAgreements.HELP_DESK_HORIZON_DAYS
                        + " days, or lapsed* (MIIC-wide)"
                : "*Data Use Agreements of your organizations*";
        blocks.add(section(s -> s.text(Text.mrkdwn(title + "\n" + all.size()
                + (all.size() == 1 ? " organization" : " organizations") + " · today is "
                + Text.date(listing.today())))));
        if (all.isEmpty()) {
            blocks.add(
                    section(s -> s.text(Text.mrkdwn(":white_check_mark: None: every agreement is current for more than "
                            + DataUseAgreements.HELP_DESK_HORIZON_DAYS + " days."))));
        } else {
            StringBuilder lines = new StringBuilder();
            for (Standing s : all.subList(0, Math.min(all.size(), LIST_LIMIT))) {
                lines.append(line(s)).append('\n');
            }
            String text = lines.toString();
            blocks.add(section(s -> s.text(Text.mrkdwn(Text.clip(text, 3000)))));
            if (all.size() > LIST_LIMIT) {
                blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("…and " + (all.size() - LIST_LIMIT)
                        + " more, lapsing later. Renewals go to " + AccessPolicy.HELP_DESK_EMAIL + ".")))));
            }
        }
        if (listing.helpDesk()) {
            blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(Ids.Actions.DUA_RENEW_FORM)
                    .text(plainText("Record a renewal"))
                    .value("renew"))))));
            blocks.add(context(c -> c.elements(List.of(
                    Text.mrkdwn("Or type `/miic dua renew CODE YYYY-MM-DD`. No users can be added to an organization"
                            + " whose agreement lapsed; a renewal recorded here allows adds again at once.")))));
        } else {
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("No users can be added to an organization whose"
                    + " agreement lapsed. To renew, " + CONTACT + ".")))));
        }
        return blocks;
    }

    /** "• *Clinic (CODE)*: dated 07/01/2023, lapses 07/01/2026, in 45 days". */
    static String line(Standing s) {
        String org = "*" + Text.org(s.organization()) + "*";
        if (!s.onFile()) {
            return ":red_circle: " + org + ": no DUA on file";
        }
        long left = s.daysLeft();
        String when = left > 0
                ? "lapses " + Text.date(s.term().lapsesOn()) + ", in " + days(left)
                : left == 0 ? "lapsed today" : "lapsed " + Text.date(s.term().lapsesOn()) + ", " + days(-left) + " ago";
        String mark = left <= 0
                ? ":red_circle:"
                : left <= 30 ? ":large_orange_circle:" : left <= 90 ? ":large_yellow_circle:" : ":large_green_circle:";
        return mark + " " + org + ": dated " + Text.date(s.term().signedOn()) + ", " + when;
    }

    public static List<LayoutBlock> duaRenewed(DataUseAgreements.Renewal r) {
        return AccountMessages.say(":white_check_mark: Recorded the renewed Data Use Agreement of "
                + Text.org(r.organization()) + ": dated " + Text.date(r.term().signedOn()) + " (was "
                + Text.date(r.before()) + "), current until "
                + Text.date(r.term().lapsesOn().minusDays(1))
                + ". Users can be added there again.");
    }

    /** The reminder to one administrator, or to the help desk when nobody at the organization can be told. */
    public static List<LayoutBlock> duaReminder(
            Organization org, LocalDate duaDate, LocalDate lapsesOn, int daysBefore, boolean toHelpDesk) {
        String text = daysBefore == 0
                ? ":red_circle: The MIIC Data Use Agreement of *" + Text.org(org) + "* (dated " + Text.date(duaDate)
                        + ") lapsed on " + Text.date(lapsesOn) + ". No new users can be added there until it is"
                        + " renewed."
                : (daysBefore <= 7 ? ":large_orange_circle:" : ":page_facing_up:")
                        + " The MIIC Data Use Agreement of *" + Text.org(org) + "* (dated " + Text.date(duaDate)
                        + ") lapses on " + Text.date(lapsesOn) + ", in " + days(daysBefore) + ". From that day no new"
                        + " users can be added there until it is renewed.";
        String next = toHelpDesk
                ? "Nobody at the organization can be told: it has no active administrator, and no Health System User"
                        + " of a parent organization."
                : "To renew, " + CONTACT + ". `/miic dua` shows all your organizations' agreements.";
        return List.of(section(s -> s.text(Text.mrkdwn(text))), context(c -> c.elements(List.of(Text.mrkdwn(next)))));
    }

    public static String reminderFallback(Organization org, int daysBefore) {
        return daysBefore == 0
                ? "The MIIC Data Use Agreement of " + org.displayName() + " lapsed"
                : "The MIIC Data Use Agreement of " + org.displayName() + " lapses in " + days(daysBefore);
    }

    /** To an administrator of an organization the leaver worked in. */
    public static List<LayoutBlock> offboarded(Account leaver, Organization home, Account by, String removed) {
        return List.of(
                section(s -> s.text(Text.mrkdwn(":door: " + Text.boldName(leaver) + " of " + Text.org(home)
                        + " was offboarded by " + Text.boldName(by) + ": no longer works for the site. The account is"
                        + " Inactive Manual" + (removed == null ? "" : ", removed from " + Text.escape(removed))
                        + ", and no longer linked to a Slack user."))),
                context(c -> c.elements(List.of(Text.mrkdwn("`/miic user " + leaver.username() + "` shows the account;"
                        + " `/miic reactivate " + leaver.username() + "` brings it back if this was a mistake.")))));
    }

    /** Time-limited access ends soon: to its owner, or to one of its site's administrators. */
    public static List<LayoutBlock> accessEnding(Account a, Organization org, boolean toOwner) {
        String text = toOwner
                ? ":hourglass_flowing_sand: Your time-limited MIIC access ends after " + Text.date(a.accessUntil())
                        + ": the next day your account " + Text.boldName(a) + " at " + Text.org(org)
                        + " is inactivated. If you still need MIIC after that, ask your site's administrator to give"
                        + " it a later last day."
                : ":hourglass_flowing_sand: The time-limited MIIC access of " + Text.boldName(a) + " at "
                        + Text.org(org) + " ends after " + Text.date(a.accessUntil())
                        + ": the next day the account is inactivated. `/miic edit " + a.username()
                        + "` gives it a later last day, or none.";
        return AccountMessages.say(text);
    }

    /** Time-limited access ended and the account was inactivated: to its owner, or to an administrator. */
    public static List<LayoutBlock> accessEnded(Account a, Organization org, LocalDate lastDay, boolean toOwner) {
        String text = toOwner
                ? ":lock: Your time-limited MIIC access ended: your last day was " + Text.date(lastDay)
                        + ", so your account " + Text.boldName(a) + " at " + Text.org(org)
                        + " is now Inactive Manual. If you need MIIC again, ask your site's administrator."
                : ":lock: The time-limited MIIC access of " + Text.boldName(a) + " at " + Text.org(org)
                        + " ended (last day " + Text.date(lastDay) + "): the account is now Inactive Manual. `/miic"
                        + " reactivate " + a.username() + "` brings it back with a new last day, or none.";
        return AccountMessages.say(text);
    }

    /** The help desk's renewal form: the organization's code and the renewed agreement's date. */
    public static View renewModal(String code, LocalDate today, String metadata) {
        return view(v -> v.type("modal")
                .callbackId(Ids.Callbacks.RENEW_DUA)
                .privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Renewed DUA")))
                .submit(viewSubmit(t -> t.type("plain_text").text("Record")))
                .close(viewClose(t -> t.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        input(i -> i.blockId(Ids.Blocks.DUA_ORGANIZATION)
                                .label(plainText("Organization code"))
                                .element(plainTextInput(p -> p.actionId(Ids.Actions.INPUT)
                                        .maxLength(20)
                                        .initialValue(code == null || code.isBlank() ? null : code.trim())))),
                        input(i -> i.blockId(Ids.Blocks.DUA_DATE)
                                .label(plainText("Date the renewed agreement was signed"))
                                .element(datePicker(
                                        d -> d.actionId(Ids.Actions.INPUT).initialDate(today.toString())))),
                        context(c -> c.elements(List.of(Text.mrkdwn(
                                "The organization's administrators can add users again as soon as it is"
                                        + " recorded.")))))));
    }

    private static String days(long n) {
        return n + (n == 1 ? " day" : " days");
    }
}
