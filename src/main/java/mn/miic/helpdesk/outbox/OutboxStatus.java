package mn.miic.helpdesk.outbox;

/** Where a message stands; every one but {@code PENDING} is final. */
public enum OutboxStatus {
    PENDING,
    DELIVERED,
    /** A temporary password that could not be delivered in time, and was taken back. */
    UNDONE,
    GIVEN_UP,
    /** There was nobody to tell after all. */
    SKIPPED;

    public boolean ended() {
        return this != PENDING;
    }
}
