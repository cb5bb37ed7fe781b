package mn.miic.helpdesk.accounts.domain;

/** Why an administrator inactivates an account: the guide's three reasons and "other". */
public enum InactivationReason {
    NO_LONGER_WORKS_HERE("No longer works for this site"),
    MISUSING_MIIC("Misusing MIIC"),
    NO_LONGER_NEEDS_ACCESS("No longer needs MIIC access for their work"),
    OTHER("Other");

    private final String label;

    InactivationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
