package mn.miic.helpdesk.accounts.access;

/** What a requester may do with an account, for the menus that offer only what is allowed. */
public enum AccountAction {
    EDIT("edit users"),
    UNLOCK("unlock accounts"),
    REACTIVATE("reactivate accounts"),
    INACTIVATE("inactivate accounts"),
    RESET_PASSWORD("reset passwords");

    private final String whatTheyTried;

    AccountAction(String whatTheyTried) {
        this.whatTheyTried = whatTheyTried;
    }

    /** The end of "Only a MIIC administrator can ...". */
    public String whatTheyTried() {
        return whatTheyTried;
    }
}
