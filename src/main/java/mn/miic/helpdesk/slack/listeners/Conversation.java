package mn.miic.helpdesk.slack.listeners;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.identity.Identity;
import mn.miic.helpdesk.identity.SlackIdentities;
import mn.miic.helpdesk.slack.NotLinked;
import mn.miic.helpdesk.slack.Replies;
import mn.miic.helpdesk.slack.SlackApi;
import mn.miic.helpdesk.slack.Turn;
import mn.miic.helpdesk.slack.views.AccountMessages;

/**
 * What every listener does with the person in front of it: who they are in MIIC now, which account a mention or a
 * username names, and answering them where they asked (ephemerally; by DM from the App Home, which has no response
 * URL).
 */
public final class Conversation {

    private static final Pattern MENTION = Pattern.compile("^<@([A-Z0-9]+)(?:\\|[^>]*)?>$");

    private final SlackApi slack;
    private final SlackIdentities identities;

    public Conversation(SlackApi slack, SlackIdentities identities) {
        this.slack = slack;
        this.identities = identities;
    }

    /** The requester's account as linked now; an unlinked Slack user hears how to get linked, and nothing else. */
    public Account who(Turn turn) {
        Identity identity = identities.resolve(turn.slackUserId(), turn.requestId());
        if (identity instanceof Identity.Linked linked) {
            return linked.account();
        }
        throw new NotLinked(((Identity.NotLinked) identity).message());
    }

    public Actor actor(Turn turn) {
        return new Actor(who(turn).id(), turn.slackUserId(), turn.requestId());
    }

    /** A username as typed, or the account behind a Slack mention (by its link, else by the member's email). */
    public String target(Turn turn, String typed) {
        String text = typed == null ? "" : typed.trim();
        Matcher mention = MENTION.matcher(text);
        if (mention.matches()) {
            String slackUser = mention.group(1);
            return identities
                    .accountMentioned(slackUser, turn.requestId())
                    .map(Account::username)
                    .orElseThrow(
                            () -> Refusal.notAllowed("The Slack user you named is not linked to a MIIC account, and"
                                    + " no MIIC account has the email of their Slack profile, so I cannot tell which account"
                                    + " you mean. Use their MIIC username instead."));
        }
        if (text.startsWith("@")) {
            text = text.substring(1);
        }
        if (text.isEmpty() || text.contains(" ")) {
            throw Refusal.notAllowed("Name one account by its MIIC username, for example `mousem1`.");
        }
        return text;
    }

    /** The Slack user a mention names, or empty. */
    public java.util.Optional<String> mentioned(String typed) {
        Matcher m = MENTION.matcher(typed == null ? "" : typed.trim());
        return m.matches() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    public void reply(Turn turn, List<LayoutBlock> blocks, String text) {
        slack.respond(turn.responseUrl(), Replies.ephemeral(blocks, text));
    }

    /** In place of the message they clicked in. */
    public void replace(Turn turn, List<LayoutBlock> blocks, String text) {
        slack.respond(turn.responseUrl(), Replies.replacing(blocks, text));
    }

    /** A sentence where they asked, or by DM when there is nowhere else (the App Home). */
    public void say(Turn turn, String sentence) {
        if (turn.responseUrl() != null) {
            reply(turn, AccountMessages.say(sentence), sentence);
        } else {
            slack.directMessage(turn.slackUserId(), sentence, AccountMessages.say(sentence));
        }
    }

    /** Opens a form; when Slack will not (its trigger lasts a few seconds), says so. */
    public void open(Turn turn, View view) {
        if (!slack.openView(turn.triggerId(), view)) {
            say(
                    turn,
                    ":warning: Slack did not open the form (it waits only a few seconds). Nothing was changed;"
                            + " please try again.");
        }
    }
}
