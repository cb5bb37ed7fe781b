package mn.miic.helpdesk.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.Optional;
import mn.miic.helpdesk.accounts.domain.Emails;
import mn.miic.helpdesk.identity.SlackDirectory;
import mn.miic.helpdesk.identity.SlackMember;

/**
 * The workspace's directory through Slack's Web API. Answers are kept for a minute: users.info and
 * users.lookupByEmail are rate-limited (tiers 4 and 3), and one command or delivery may ask about the same person
 * several times. A rate limit or an outage is thrown, not cached.
 */
public final class SlackPeople implements SlackDirectory {

    static final Duration KEPT = Duration.ofMinutes(1);

    private final SlackApi slack;
    private final Cache<String, Optional<SlackMember>> byId;
    private final Cache<String, Optional<SlackMember>> byEmail;
    /** Null until auth.test has answered; then what it said, even none, so that it is asked once. */
    private volatile Optional<String> ourTeamId;

    public SlackPeople(SlackApi slack) {
        this(slack, cache(), cache());
    }

    private SlackPeople(
            SlackApi slack, Cache<String, Optional<SlackMember>> byId, Cache<String, Optional<SlackMember>> byEmail) {
        this.slack = slack;
        this.byId = byId;
        this.byEmail = byEmail;
    }

    /** The same directory through another client (one that never waits, for deliveries): one cache for both. */
    public SlackPeople through(SlackApi other) {
        return new SlackPeople(other, byId, byEmail);
    }

    @Override
    public void forget(String slackUserId) {
        byId.invalidate(slackUserId);
        byEmail.asMap().entrySet().removeIf(e -> e.getValue()
                .map(m -> m.slackUserId().equals(slackUserId))
                .orElse(false));
    }

    private static Cache<String, Optional<SlackMember>> cache() {
        return Caffeine.newBuilder().expireAfterWrite(KEPT).maximumSize(10_000).build();
    }

    @Override
    public Optional<SlackMember> member(String slackUserId) {
        return byId.get(slackUserId, id -> slack.user(id).map(this::member));
    }

    @Override
    public Optional<SlackMember> memberWithEmail(String email) {
        return byEmail.get(
                Emails.normalized(email).orElse(""), e -> slack.userWithEmail(e).map(this::member));
    }

    /** A Slack user as the directory describes them (for a user an event carries). */
    public SlackMember member(User user) {
        String team = user.getTeamId();
        boolean otherTeam =
                team != null && ourTeamId().map(ours -> !ours.equals(team)).orElse(false);
        return new SlackMember(
                user.getId(),
                user.getProfile() == null ? null : user.getProfile().getEmail(),
                user.isDeleted(),
                user.isBot() || user.isAppUser() || user.isWorkflowBot(),
                user.isRestricted() || user.isUltraRestricted(),
                user.isStranger() || otherTeam);
    }

    private Optional<String> ourTeamId() {
        if (ourTeamId == null) {
            ourTeamId = slack.teamId();
        }
        return ourTeamId;
    }
}
