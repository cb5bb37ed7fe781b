package mn.miic.helpdesk.accounts.password;

import java.time.Duration;

/** The configurable numbers of the password policy (SPEC 2.3, 8). */
public record PasswordSettings(int minLength, int maxLength, int historySize, Duration temporaryPasswordTtl) {

    public static final PasswordSettings DEFAULTS = new PasswordSettings(12, 30, 5, Duration.ofHours(72));

    public PasswordSettings {
        if (minLength < 12 || maxLength < minLength) {
            throw new IllegalArgumentException("password length must be at least 12 and max >= min");
        }
        if (historySize < 0) {
            throw new IllegalArgumentException("password history must not be negative");
        }
    }
}
