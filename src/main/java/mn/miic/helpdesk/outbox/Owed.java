package mn.miic.helpdesk.outbox;

import java.time.Instant;

/**
 * What the bot owes someone, as decided by a use case: plain data, written to the outbox in the use case's own
 * transaction. How it looks in Slack, and where exactly it goes, is the courier's business at delivery time.
 */
public sealed interface Owed {

    /**
     * A temporary password (SPEC 4.4): by DM to the account's own Slack user, else to the administrator who issued it,
     * with the guide's instruction to hand it over. The password itself travels beside this, sealed; what it takes to
     * undo it (hashes, never a plaintext) is here.
     *
     * @param issuedHash the hash of this temporary password: the undo happens only while the account still has it
     * @param previousHash the hash it had before, put back by an undo (null: no password, as after an add)
     */
    record TemporaryPassword(
            long accountId,
            long issuedBy,
            String issuedBySlackUserId,
            boolean added,
            Instant expiresAt,
            String issuedHash,
            String previousHash,
            Instant previousExpiresAt,
            boolean previousMustChange,
            long historyEntryId)
            implements Owed {

        @Override
        public String toString() {
            return "TemporaryPassword[account=" + accountId + ", issuedBy=" + issuedBy + "]";
        }
    }

    /**
     * What became of a temporary password, for the administrator who issued it: sent after that message has ended.
     *
     * @param responseUrl where their command was answered, or null: then by DM
     */
    record PasswordReport(long accountId, String administratorSlackUserId, String responseUrl, boolean added)
            implements Owed {}

    /** The owner of an account hears of a change to it, and who made it; nothing when they made it themselves. */
    record ChangeNotice(long accountId, long byAccountId, String whatHappened) implements Owed {}

    /** The requester hears how their request ended and who decided: after its temporary password, for a reset. */
    record RequestOutcome(long requestId, String requesterSlackUserId) implements Owed {}

    /** A request for help, by DM to one of the managers who may decide it; its copy is remembered, to be updated. */
    record RequestToApprover(long requestId, String approverSlackUserId) implements Owed {}

    /** A request for help, posted to the help-desk channel with Claim, Approve and Deny. */
    record RequestToHelpDesk(long requestId) implements Owed {}

    /** A copy of a request shown somewhere, brought up to date with the request as it is now. */
    record RequestCopyUpdate(long requestId, String channel, String ts, boolean helpDesk) implements Owed {}

    /** What the requester hears along the way: where the request went, that the help desk has it, who took it. */
    record RequestNotice(long requestId, String requesterSlackUserId, Step step, java.util.List<String> approvers)
            implements Owed {
        public enum Step {
            ASKED,
            ESCALATED,
            CLAIMED
        }
    }

    /** A question for the help desk (the guide's "help desk" button), posted to its channel. */
    record HelpDeskQuestion(String askerSlackUserId, Long askerAccountId, String text) implements Owed {}

    /** Someone's App Home shows requests or accounts that changed: published again as they are at delivery. */
    record HomeRefresh(String slackUserId) implements Owed {}

    /** The inactivity sweep made an account Inactive Expired: its owner hears it, and how to ask for it back. */
    record AccountExpired(long accountId) implements Owed {}

    /**
     * One administrator hears which accounts of their location the sweep expired: found in Slack at delivery, by
     * their link or their email, like every person the bot reaches.
     */
    record ExpiredAccountsReport(long organizationId, long administratorAccountId, java.util.List<Long> accountIds)
            implements Owed {}

    /** An account will expire soon for lack of a sign-in: its owner is warned. */
    record ExpiryWarning(long accountId, java.time.Instant expiresAt) implements Owed {}

    /**
     * The account's password expired (a temporary one unused, or an ordinary one at the end of its lifetime): its
     * owner hears it once, with the button that asks for a new one.
     */
    record PasswordExpired(long accountId, java.time.Instant expiresAt, boolean temporary) implements Owed {}

    /** The sign-in API locked the account after this many wrong passwords in a row: its owner is told at once. */
    record LockedOut(long accountId, int failures, java.time.Instant at) implements Owed {}

    /** The sweep left a location without an active administrator: the help desk hears it. */
    /**
     * @param how how they went, as the help desk reads it after their names ("lost their time-limited access"); null
     *     for the sweep's "expired after 90 days without a sign-in"
     */
    record LastAdministratorGone(long organizationId, java.util.List<Long> accountIds, String how) implements Owed {}

    /**
     * An organization's Data Use Agreement lapses in {@code daysBefore} days (0: today): one administrator is reminded,
     * or, when nobody at the organization can be, the help desk.
     *
     * @param administratorAccountId null: to the help-desk channel
     */
    record DuaReminder(
            long organizationId,
            Long administratorAccountId,
            java.time.LocalDate duaDate,
            java.time.LocalDate lapsesOn,
            int daysBefore)
            implements Owed {}

    /**
     * An account's person left its site (offboarded): one administrator of an organization it worked in hears it.
     *
     * @param removedOrganizations the codes of the other organizations it lost, or null
     */
    record Offboarded(long accountId, long byAccountId, long administratorAccountId, String removedOrganizations)
            implements Owed {}

    /**
     * A time-limited account's last day of access is near: its owner (no administrator) or one of its site's
     * administrators is warned.
     *
     * @param administratorAccountId null: to the account's owner
     */
    record AccessEnding(long accountId, java.time.LocalDate accessUntil, int daysBefore, Long administratorAccountId)
            implements Owed {}

    /**
     * A time-limited account's access ended and the sweep inactivated it: its owner (no administrator) or one of its
     * site's administrators hears it.
     */
    record AccessEnded(long accountId, java.time.LocalDate accessUntil, Long administratorAccountId) implements Owed {}

    /** A site's access review, by DM to one reviewer: when it starts, as a reminder, or escalated to them. */
    record ReviewAssigned(long campaignId, long organizationId, long reviewerAccountId, Why why) implements Owed {
        public enum Why {
            STARTED,
            REMINDER,
            ESCALATED
        }
    }

    /** A site's access review nobody decided in time, posted to the help-desk channel. */
    record ReviewToHelpDesk(long campaignId, long organizationId) implements Owed {}
}
