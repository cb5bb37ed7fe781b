package mn.miic.helpdesk.identity;

import java.util.Optional;

/**
 * The workspace's people, as Slack knows them ({@code users.info}, {@code users.lookupByEmail}). An implementation
 * may cache; it throws an unchecked exception when Slack cannot answer now (a rate limit, an outage), so that a
 * delivery waits and tries again rather than deciding that nobody is there.
 */
public interface SlackDirectory {

    /** The Slack user with this id; empty when Slack knows no such user. */
    Optional<SlackMember> member(String slackUserId);

    /** The Slack user whose profile has this email; empty when nobody in the workspace has it. */
    Optional<SlackMember> memberWithEmail(String email);

    /** Forgets what it kept about this Slack user: Slack said they changed. */
    default void forget(String slackUserId) {}

    /** Knows nobody: for an instance without Slack, and for tests of the rules. */
    SlackDirectory NOBODY = new SlackDirectory() {
        @Override
        public Optional<SlackMember> member(String slackUserId) {
            return Optional.empty();
        }

        @Override
        public Optional<SlackMember> memberWithEmail(String email) {
            return Optional.empty();
        }
    };
}
