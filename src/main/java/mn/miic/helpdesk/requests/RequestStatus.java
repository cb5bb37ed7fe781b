package mn.miic.helpdesk.requests;

/** Where a request stands. Only an open request can be decided; the first decision wins. */
public enum RequestStatus {
    OPEN,
    APPROVED,
    DENIED,
    /** Nobody decided in time, or the account no longer needed it. */
    EXPIRED;

    public String label() {
        return switch (this) {
            case OPEN -> "open";
            case APPROVED -> "approved";
            case DENIED -> "denied";
            case EXPIRED -> "closed without a decision";
        };
    }
}
