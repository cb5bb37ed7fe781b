package mn.miic.helpdesk.accounts.access;

/** What a requester may do with an account, for the menus that offer only what is allowed. */
public enum AccountAction {
    EDIT,
    UNLOCK,
    REACTIVATE,
    INACTIVATE,
    RESET_PASSWORD
}
