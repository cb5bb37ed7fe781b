package mn.miic.helpdesk.slack.delivery;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import mn.miic.helpdesk.outbox.Delivery;
import mn.miic.helpdesk.slack.SlackApi;

/** One DM or post as an outbox delivery: taken, refused for good, or nobody to send it to. */
final class Sends {

    private final SlackApi slack;

    Sends(SlackApi slack) {
        this.slack = slack;
    }

    SlackApi slack() {
        return slack;
    }

    Delivery dm(String slackUserId, String text, List<LayoutBlock> blocks, String where) {
        if (slackUserId == null) {
            return new Delivery.Skipped("nobody in Slack to tell");
        }
        return slack.directMessage(slackUserId, text, blocks)
                ? new Delivery.Delivered(where, null, null)
                : new Delivery.Refused("Slack refused the DM to " + slackUserId);
    }

    /** A message that will be updated later: where Slack put it comes back with the delivery. */
    Delivery post(String channel, String text, List<LayoutBlock> blocks, String where) {
        return slack.post(channel, text, blocks)
                .<Delivery>map(p -> new Delivery.Delivered(where, p.channel(), p.ts()))
                .orElseGet(() -> new Delivery.Refused("Slack refused the post to " + channel
                        + " (is the bot a member of it, and may it write there?)"));
    }
}
