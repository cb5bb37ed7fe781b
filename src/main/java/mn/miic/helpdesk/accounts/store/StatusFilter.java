package mn.miic.helpdesk.accounts.store;

/** The guide's "Show: Active / Inactive / All" radio buttons. */
public enum StatusFilter {
    ALL,
    ACTIVE,
    INACTIVE
}
