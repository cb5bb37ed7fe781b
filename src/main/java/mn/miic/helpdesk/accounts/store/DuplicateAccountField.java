package mn.miic.helpdesk.accounts.store;

/** The database refused a second account with the same username or email (in any case). */
public final class DuplicateAccountField extends RuntimeException {

    public enum Field {
        USERNAME,
        EMAIL
    }

    private final Field field;

    DuplicateAccountField(Field field, Throwable cause) {
        super("duplicate " + field, cause);
        this.field = field;
    }

    public Field field() {
        return field;
    }
}
