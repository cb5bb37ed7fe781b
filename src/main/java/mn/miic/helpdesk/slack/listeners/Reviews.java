package mn.miic.helpdesk.slack.listeners;

import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.reviews.AccessReviews;
import mn.miic.helpdesk.reviews.AccessReviews.SiteReview;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.views.ReviewMessages;

/**
 * What every access-review button does with its answer: the site's review as it is now, in place of the message
 * clicked (a decision, a page), or as a new message (the Review button of {@code /miic review}); by DM from the App
 * Home, which has no response URL. The ids a button carries are only a wish: the use case authorizes again.
 */
public final class Reviews {

    private final AccessReviews reviews;
    private final Conversation conversation;
    private final SlackApi slack;

    public Reviews(AccessReviews reviews, Conversation conversation, SlackApi slack) {
        this.reviews = reviews;
        this.conversation = conversation;
        this.slack = slack;
    }

    public AccessReviews useCases() {
        return reviews;
    }

    public Conversation conversation() {
        return conversation;
    }

    /** @param viewerAccountId the reviewer's account: their own row shows no buttons */
    public void show(Turn turn, SiteReview review, boolean replace, long viewerAccountId) {
        var blocks = ReviewMessages.site(review, null, false, viewerAccountId);
        String text = "Access review of " + review.organization().displayName();
        if (turn.responseUrl() == null) {
            slack.directMessage(turn.slackUserId(), text, blocks);
        } else if (replace) {
            conversation.replace(turn, blocks, text);
        } else {
            conversation.reply(turn, blocks, text);
        }
    }

    /** "campaign:id" or "campaign:id:page", as the buttons carry them. */
    public static long[] ids(String value, int count) {
        String[] parts = value == null ? new String[0] : value.split(":");
        if (parts.length != count) {
            throw unreadable();
        }
        long[] ids = new long[count];
        try {
            for (int i = 0; i < count; i++) {
                ids[i] = Long.parseLong(parts[i]);
            }
        } catch (NumberFormatException e) {
            throw unreadable();
        }
        return ids;
    }

    private static Refusal unreadable() {
        return Refusal.notAllowed("That button is from an older version of this message. Type /miic review.");
    }
}
