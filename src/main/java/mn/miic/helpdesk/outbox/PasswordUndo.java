package mn.miic.helpdesk.outbox;

/** Takes back a temporary password nobody received; the accounts feature implements it. */
public interface PasswordUndo {

    /** How it ended: undone (the previous password works again), or not, and why. */
    record Undone(boolean undone, String outcome) {}

    Undone undo(OwedMessage message, Owed.TemporaryPassword password, String why);
}
