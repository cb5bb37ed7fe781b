package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.requests.RequestQueue;

/** The App Home tab: the viewer's own account at a glance, and where to go next. */
public final class HomeView {

    /** Sites of access reviews the Home shows. */
    static final int HOME_REVIEWS = 5;

    private HomeView() {}

    /**
     * @param queue what they can act on (managers), or their own open requests; null to leave requests out
     */
    public static View linked(AccountCard own, String slackUserId, RequestQueue.Queue queue, Instant now) {
        return linked(own, slackUserId, queue, now, null, null);
    }

    /** @param reviews the access reviews waiting for them, or null to leave reviews out */
    public static View linked(
            AccountCard own,
            String slackUserId,
            RequestQueue.Queue queue,
            Instant now,
            mn.miic.helpdesk.reviews.AccessReviews.Overview reviews,
            mn.miic.helpdesk.requests.ReadRequestFigures.Report figures) {
        Account a = own.account();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your MIIC account"))));
        blocks.add(section(s ->
                s.text(Text.mrkdwn(Text.boldName(a) + "\n*Role:* " + a.role().label() + "\n*Organization:* "
                        + Text.org(own.organization()) + "\n*Status:* " + Text.state(a)))));
        // Who the bot takes them for, so that a wrong link is seen by the one person who can tell.
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("Linked to your Slack user <@" + slackUserId
                + ">. Not your account? Tell the MIIC help desk, who can unlink it.")))));
        blocks.add(section(s -> s.text(Text.mrkdwn(
                a.isInGoodStanding()
                        ? "Type `/miic help` in any channel to see what you can do."
                        : ":warning: Your account is " + Text.state(a)
                                + ". Ask your site's MIIC administrator for help with a button below, or call the"
                                + " MIIC help desk."))));
        var ask = AskMessages.askButtons(a);
        if (queue != null && !ask.isEmpty()) {
            blocks.add(actions(x -> x.elements(ask)));
        }
        if (queue != null && queue.glance() != null) {
            RequestQueue.Glance g = queue.glance();
            blocks.add(divider());
            blocks.add(header(
                    h -> h.text(plainText(Text.clip(Text.plain(g.organization().displayName()), 140)))));
            blocks.add(section(s -> s.text(Text.mrkdwn(Text.clip(
                    "*Locked:* " + names(g.locked()) + "\n*Expiring within "
                            + RequestQueue.EXPIRING_WITHIN.toDays() + " days (no sign-in):* " + names(g.expiring())
                            + "\n*Open requests:* " + g.openRequests(),
                    2_900)))));
        }
        if (figures != null) {
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Requests for help: the figures"))));
            blocks.add(section(s -> s.text(Text.mrkdwn("*Last 7 days*\n" + FigureMessages.summary(figures.week())
                    + "\n*Last 30 days*\n" + FigureMessages.summary(figures.month())))));
            blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("Per organization: `/miic stats`.")))));
        }
        if (reviews != null && !reviews.sites().isEmpty()) {
            // A few sites here (a Home holds 100 blocks); /miic review lists them all.
            blocks.add(divider());
            blocks.add(header(h -> h.text(plainText("Access reviews"))));
            List<LayoutBlock> waiting = ReviewMessages.overview(reviews);
            blocks.addAll(waiting.subList(1, Math.min(waiting.size(), 1 + HOME_REVIEWS)));
            if (reviews.sites().size() > HOME_REVIEWS) {
                blocks.add(context(c -> c.elements(List.of(
                        Text.mrkdwn("…and " + (reviews.sites().size() - HOME_REVIEWS) + " more: `/miic review`.")))));
            }
        }
        if (queue != null && (queue.manager() || !queue.requests().isEmpty())) {
            blocks.add(divider());
            List<LayoutBlock> listed = RequestMessages.queue(queue, now);
            blocks.addAll(listed.subList(0, Math.min(listed.size(), 80 - HOME_REVIEWS - 3)));
        }
        blocks.add(HelpMessages.helpDeskContact());
        return view(v -> v.type("home").blocks(blocks));
    }

    private static String names(List<Account> accounts) {
        if (accounts.isEmpty()) {
            return "none";
        }
        return accounts.stream().map(Text::boldName).collect(java.util.stream.Collectors.joining(", "));
    }

    public static View notLinked(String message) {
        return view(v -> v.type("home").blocks(HelpMessages.notLinked(message)));
    }
}
