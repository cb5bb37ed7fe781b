package mn.miic.helpdesk.signin;

/** The sign-in API is at its limit (password checks, or its share of database connections): try again shortly. */
public final class Busy extends RuntimeException {

    public Busy(String what) {
        super(what, null, false, false);
    }
}
