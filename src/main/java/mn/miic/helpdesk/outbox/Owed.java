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
}
