package mn.miic.helpdesk.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.model.User;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
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
    private final Cache<String, Optional<SlackMember>> byId = cache();
    private final Cache<String, Optional<SlackMember>> byEmail = cache();
    private volatile String ourTeamId;

    public SlackPeople(SlackApi slack) {
        this.slack = slack;
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
        return byEmail.get(email.trim().toLowerCase(Locale.ROOT), e -> slack.userWithEmail(e)
                .map(this::member));
    }

    private SlackMember member(User user) {
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
            ourTeamId = slack.teamId().orElse(null);
        }
        return Optional.ofNullable(ourTeamId);
    }
}
