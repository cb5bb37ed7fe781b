package mn.miic.helpdesk.audit;

/** What was asked for. Stored by name; never rename a constant. */
public enum AuditAction {
    SEARCH,
    VIEW,
    ADD,
    EDIT,
    UNLOCK,
    REACTIVATE,
    INACTIVATE,
    RESET_PASSWORD,
    UNDO_TEMPORARY_PASSWORD,
    SWITCH_ORGANIZATION,
    IMPORT_ORGANIZATION,
    IMPORT_ACCOUNT,
    LINK_SLACK_USER,
    READ_AUDIT,
    REQUEST_ASKED,
    REQUEST_ROUTED,
    REQUEST_ESCALATED,
    REQUEST_CLAIMED,
    REQUEST_APPROVED,
    REQUEST_DENIED,
    REQUEST_EXPIRED,
    HELP_DESK_QUESTION,
    SIGN_IN,
    CHANGE_PASSWORD,
    EXPIRE_INACTIVE,
    INACTIVITY_WARNING,
    READ_OUTBOX,
    UNLINK_SLACK_USER,
    PASSWORD_EXPIRED_NOTICE,
    DUA_REMINDER,
    READ_DUA,
    RENEW_DUA,
    OFFBOARD,
    ACCESS_WARNING,
    ACCESS_ENDED,
    REVIEW_STARTED,
    READ_REVIEW,
    REVIEW_KEEP,
    REVIEW_ESCALATED,
    READ_FIGURES;

    /**
     * An action that only reads: its audit row is the whole of what it writes, so it need not wait for a durable commit
     * of its own (see {@code AccountTransactions}).
     */
    public boolean onlyReads() {
        return switch (this) {
            case SEARCH, VIEW, READ_AUDIT, READ_OUTBOX, READ_DUA, READ_REVIEW, READ_FIGURES -> true;
            default -> false;
        };
    }
}
