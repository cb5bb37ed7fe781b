package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.reviews.AccessReviews;
import mn.miic.helpdesk.reviews.AccessReviews.SiteReview;
import mn.miic.helpdesk.reviews.ReviewRepository.SiteProgress;
import mn.miic.helpdesk.slack.Ids;

/** Access reviews in Slack: one site's users to confirm, with Keep and Inactivate; the reviews waiting; a start. */
public final class ReviewMessages {

    /** Sites one overview lists: a line each. */
    public static final int LIST_LIMIT = 40;

    private ReviewMessages() {}

    /**
     * @param why why it is sent (null: asked for), which the first line says
     * @param viewerAccountId who reads it (their own row has no buttons: nobody confirms their own access), or null
     */
    public static List<LayoutBlock> site(
            SiteReview r, Owed.ReviewAssigned.Why why, boolean toHelpDesk, Long viewerAccountId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        SiteProgress p = r.progress();
        String intro =
                switch (why == null ? Owed.ReviewAssigned.Why.STARTED : why) {
                    case STARTED -> toHelpDesk
                            ? ":rotating_light: Nobody decided this access review by its due date."
                            : ":clipboard: *Access review*: confirm who at your site still needs MIIC.";
                    case REMINDER -> ":alarm_clock: *Reminder*: this access review is due "
                            + Text.dateTime(r.campaign().dueAt()) + ".";
                    case ESCALATED -> ":arrow_up: Nobody at the site decided this access review by its due date; as a"
                            + " Health System User of a parent organization you can.";
                };
        String head = (why == null && !toHelpDesk ? "*Access review*" : intro) + "\n*" + Text.org(r.organization())
                + "* · review #" + r.campaign().id() + " · due "
                + Text.dateTime(r.campaign().dueAt()) + "\n"
                + progress(p);
        blocks.add(section(s -> s.text(Text.mrkdwn(head))));
        if (p.complete()) {
            blocks.add(section(s -> s.text(Text.mrkdwn(":white_check_mark: Every user of this site is decided."))));
            return blocks;
        }
        for (Account a : r.page()) {
            String id = r.campaign().id() + ":" + a.id();
            blocks.add(section(
                    s -> s.text(Text.mrkdwn(Text.boldName(a) + "\n" + a.role().label() + " · last sign-in "
                            + Text.dateTime(a.lastSignInAt())
                            + (a.accessUntil() == null ? "" : " · access until " + Text.date(a.accessUntil()))))));
            if (viewerAccountId != null && viewerAccountId == a.id()) {
                blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("That is you: another administrator of the"
                        + " site, a Health System User of a parent organization or the MIIC help desk confirms"
                        + " your access.")))));
                continue;
            }
            blocks.add(actions(x -> x.elements(List.of(
                    button(b -> b.actionId(Ids.Actions.REVIEW_KEEP)
                            .text(plainText("Keep"))
                            .style("primary")
                            .value(id)),
                    button(b -> b.actionId(Ids.Actions.REVIEW_INACTIVATE)
                            .text(plainText("Inactivate"))
                            .style("danger")
                            .value(id)
                            .confirm(confirmationDialog(c -> c.title(plainText("Inactivate?"))
                                    .text(plainText(a.displayName() + " no longer needs MIIC: the account becomes"
                                            + " Inactive Manual."))
                                    .confirm(plainText("Inactivate"))
                                    .deny(plainText("Cancel")))))))));
        }
        String site = r.campaign().id() + ":" + r.organization().id();
        List<BlockElement> footer = new ArrayList<>();
        footer.add(button(b -> b.actionId(Ids.Actions.REVIEW_KEEP_ALL)
                .text(plainText("Keep all remaining (" + p.open() + ")"))
                .value(site)
                .confirm(confirmationDialog(c -> c.title(plainText("Keep all remaining?"))
                        .text(plainText("Everyone still to confirm at "
                                + r.organization().displayName()
                                + " keeps MIIC access (you, if listed, are decided by someone else)."))
                        .confirm(plainText("Keep all"))
                        .deny(plainText("Cancel"))))));
        if (r.pageNumber() > 0) {
            footer.add(button(b -> b.actionId(Ids.Actions.REVIEW_PREVIOUS)
                    .text(plainText("‹ Previous"))
                    .value(site + ":" + (r.pageNumber() - 1))));
        }
        if (r.pageNumber() + 1 < r.pages()) {
            footer.add(button(b -> b.actionId(Ids.Actions.REVIEW_NEXT)
                    .text(plainText("Next ›"))
                    .value(site + ":" + (r.pageNumber() + 1))));
        }
        blocks.add(actions(x -> x.elements(footer)));
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("Page " + (r.pageNumber() + 1) + " of " + r.pages()
                + ". Inactivate uses the reason \"No longer needs MIIC access for their work\"; every rule of an"
                + " inactivation applies. Nobody confirms their own access.")))));
        return blocks;
    }

    /** "12 of 20 decided · 10 kept · 2 inactivated · 8 to confirm". */
    static String progress(SiteProgress p) {
        int decided = p.kept() + p.inactivated() + p.gone();
        return decided + " of " + p.total() + " decided · " + p.kept() + " kept · " + p.inactivated()
                + " inactivated" + (p.gone() == 0 ? "" : " · " + p.gone() + " inactive by other means") + " · "
                + p.open() + " to confirm";
    }

    /** {@code /miic review}: the reviews waiting for the requester, or the help desk's completion per site. */
    public static List<LayoutBlock> overview(AccessReviews.Overview o) {
        List<LayoutBlock> blocks = new ArrayList<>();
        List<AccessReviews.Waiting> all = o.sites();
        blocks.add(section(s -> s.text(Text.mrkdwn(
                o.helpDesk()
                        ? "*Access reviews in progress* (MIIC-wide): " + all.size() + " sites, "
                                + all.stream()
                                        .filter(w -> w.progress().complete())
                                        .count() + " complete"
                        : all.isEmpty()
                                ? ":white_check_mark: No access review is waiting for you."
                                : "*Access reviews waiting for you*: " + all.size()
                                        + (all.size() == 1 ? " site" : " sites")))));
        for (AccessReviews.Waiting w : all.subList(0, Math.min(all.size(), LIST_LIMIT))) {
            String line = (w.progress().complete() ? ":white_check_mark: " : ":clipboard: ") + "*"
                    + Text.org(w.organization()) + "* · review #" + w.campaign().id() + " · due "
                    + Text.date(w.campaign()
                            .dueAt()
                            .atZone(mn.miic.helpdesk.accounts.access.AccessPolicy.MINNESOTA)
                            .toLocalDate())
                    + "\n" + progress(w.progress());
            if (w.progress().complete()) {
                blocks.add(section(s -> s.text(Text.mrkdwn(line))));
            } else {
                blocks.add(section(s -> s.text(Text.mrkdwn(line)).accessory(button(b -> b.actionId(
                                Ids.Actions.REVIEW_OPEN)
                        .text(plainText("Review"))
                        .value(w.campaign().id() + ":" + w.organization().id() + ":0")))));
            }
        }
        if (all.size() > LIST_LIMIT) {
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("…and " + (all.size() - LIST_LIMIT) + " more.")))));
        }
        if (o.helpDesk()) {
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("`/miic review start` starts a MIIC-wide review;"
                    + " `/miic review start CODE …` one of some organizations.")))));
        }
        return blocks;
    }

    public static List<LayoutBlock> started(AccessReviews.Started s) {
        return AccountMessages.say(":clipboard: Started access review #" + s.campaignId() + ": " + s.users()
                + " users at " + s.sites() + (s.sites() == 1 ? " site" : " sites") + ", due "
                + Text.dateTime(s.dueAt()) + ". Each site's administrators have it by DM; `/miic review` shows"
                + " progress.");
    }
}
