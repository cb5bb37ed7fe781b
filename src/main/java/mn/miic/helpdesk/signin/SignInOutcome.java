package mn.miic.helpdesk.signin;

import java.util.Locale;

/** What MIIC's sign-in page is told (SPEC 7), with the HTTP status that goes with it. */
public enum SignInOutcome {
    SIGNED_IN(200),
    PASSWORD_CHANGE_REQUIRED(200),
    INVALID_CREDENTIALS(401),
    LOCKED(423),
    INACTIVE(403),
    TEMPORARY_PASSWORD_EXPIRED(403),
    // Too many failed sign-ins from this address or for this account lately: try again after Retry-After.
    THROTTLED(429);

    private final int httpStatus;

    SignInOutcome(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** The machine-readable name: {@code signed_in}, {@code locked}, ... */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
