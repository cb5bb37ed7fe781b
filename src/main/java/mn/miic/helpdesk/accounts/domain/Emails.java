package mn.miic.helpdesk.accounts.domain;

import java.util.Locale;
import java.util.Optional;

/** Emails as MIIC compares them, wherever it compares them: trimmed, ignoring case; a blank one is none. */
public final class Emails {

    private Emails() {}

    public static Optional<String> normalized(String email) {
        return Optional.ofNullable(email)
                .map(String::trim)
                .filter(e -> !e.isEmpty())
                .map(e -> e.toLowerCase(Locale.ROOT));
    }

    public static boolean same(String a, String b) {
        return normalized(a).equals(normalized(b));
    }
}
