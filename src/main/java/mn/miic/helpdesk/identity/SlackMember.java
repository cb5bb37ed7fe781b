package mn.miic.helpdesk.identity;

import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Emails;

/**
 * A Slack user as the workspace's directory describes them: enough to tell whether the bot may act for them and
 * whether their profile's email is still the one a link was made from.
 *
 * @param email the profile's email, or null when Slack shows none
 * @param otherWorkspace a user of another workspace (a shared channel's stranger, or another team)
 */
public record SlackMember(
        String slackUserId, String email, boolean deleted, boolean bot, boolean guest, boolean otherWorkspace) {

    /** Why the bot cannot act for this Slack user, in words they understand; empty for a member of the workspace. */
    public Optional<String> whyNot() {
        if (deleted) {
            return Optional.of("This Slack user has been deactivated.");
        }
        if (bot) {
            return Optional.of("This Slack user is a bot, and MIIC accounts belong to people.");
        }
        if (otherWorkspace) {
            return Optional.of("You are a member of another Slack workspace. MIIC can only act for members of its own"
                    + " workspace; ask your site's MIIC administrator or the MIIC help desk directly.");
        }
        if (guest) {
            return Optional.of("You are a guest in this Slack workspace. MIIC can only act for full members; ask your"
                    + " site's MIIC administrator or the MIIC help desk directly.");
        }
        return Optional.empty();
    }

    /** The profile's email as links compare it, or empty. */
    public Optional<String> normalizedEmail() {
        return Emails.normalized(email);
    }
}
