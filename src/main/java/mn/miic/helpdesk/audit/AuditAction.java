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
    CHANGE_PASSWORD
}
