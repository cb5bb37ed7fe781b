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
        SlackApi.Sent sent = slack.send(slackUserId, text, blocks);
        return sent.ok()
                ? new Delivery.Delivered(where, null, null)
                : new Delivery.Refused("Slack refused the DM to " + slackUserId + " (" + sent.error() + ")");
    }

    /** A message that will be updated later: where Slack put it comes back with the delivery. */
    Delivery post(String channel, String text, List<LayoutBlock> blocks, String where) {
        SlackApi.Sent sent = slack.send(channel, text, blocks);
        return sent.ok()
                ? new Delivery.Delivered(
                        where, sent.posted().channel(), sent.posted().ts())
                : new Delivery.Refused(
                        "Slack refused the post to " + channel + " (" + sent.error() + "; is the bot a member of it?)");
    }
}
