package mn.miic.helpdesk.accounts.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The guide's username rules: unique to one person, never generic ("clinic staff"), never containing "admin". The
 * uniqueness itself is the database's job; this class knows the shape and suggests the guide's pattern
 * (last name + first initial + a number, e.g. {@code mousem1}).
 */
public final class UsernameRules {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 30;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern SEPARATORS_AND_DIGITS = Pattern.compile("[0-9._-]+");

    /** Words that name a place or a job rather than a person; a username made only of these is shared by nature. */
    private static final Set<String> GENERIC_WORDS = Set.of(
            "clinic",
            "clinics",
            "clinical",
            "staff",
            "front",
            "desk",
            "frontdesk",
            "nurse",
            "nurses",
            "nursing",
            "reception",
            "receptionist",
            "office",
            "shared",
            "share",
            "team",
            "user",
            "users",
            "general",
            "temp",
            "test",
            "tester",
            "testing",
            "guest",
            "account",
            "main",
            "lab",
            "pharmacy",
            "school",
            "info",
            "miic",
            "immunization",
            "immunizations",
            "vaccine",
            "vaccines",
            "health",
            "care",
            "center",
            "site",
            "login",
            "default",
            "demo",
            "group",
            "dept",
            "department",
            "all",
            "everyone",
            "public",
            "records",
            "billing",
            "intake",
            "triage",
            "floor",
            "station",
            "room",
            "unit",
            "the",
            "and",
            "of");

    private UsernameRules() {}

    /** The problem with a wanted username, in a sentence an administrator can act on; empty when it is fine. */
    public static Optional<String> problemWith(String username) {
        if (username == null || username.isBlank()) {
            return Optional.of("Enter a username.");
        }
        if (username.length() < MIN_LENGTH || username.length() > MAX_LENGTH) {
            return Optional.of("A username must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters long.");
        }
        if (!ALLOWED.matcher(username).matches()) {
            return Optional.of(
                    "A username may use only letters, digits, periods, hyphens and underscores (no spaces).");
        }
        if (username.toLowerCase(Locale.ROOT).contains("admin")) {
            return Optional.of("A username must not contain \"admin\". Use the person's name, e.g. last name + first"
                    + " initial + a number.");
        }
        if (isGeneric(username)) {
            return Optional.of("\"" + username + "\" looks like a shared, generic username. Every user needs their"
                    + " own username, e.g. last name + first initial + a number (mousem1).");
        }
        return Optional.empty();
    }

    public static boolean isValid(String username) {
        return problemWith(username).isEmpty();
    }

    /** Generic: nothing but generic words, digits and separators ("frontdesk2", "clinic_staff", "123"). */
    static boolean isGeneric(String username) {
        String letters =
                SEPARATORS_AND_DIGITS.matcher(username.toLowerCase(Locale.ROOT)).replaceAll(" ");
        for (String part : letters.trim().split(" +")) {
            if (!part.isEmpty() && !splitsIntoGenericWords(part)) {
                return false;
            }
        }
        return true;
    }

    /** Word break: can the letters be cut into generic words only ("clinicstaff" = clinic + staff)? */
    private static boolean splitsIntoGenericWords(String letters) {
        boolean[] reachable = new boolean[letters.length() + 1];
        reachable[0] = true;
        for (int end = 1; end <= letters.length(); end++) {
            for (int start = 0; start < end && !reachable[end]; start++) {
                reachable[end] = reachable[start] && GENERIC_WORDS.contains(letters.substring(start, end));
            }
        }
        return reachable[letters.length()];
    }

    /**
     * The guide's pattern, last name + first initial + the next free number: {@code mousem1}, then {@code mousem2}.
     * Names are folded to plain ASCII letters ("O'Brien-Núñez" becomes "obriennunez").
     *
     * @param taken tells whether a username (in any case) is already in use
     */
    public static Optional<String> suggest(String firstName, String lastName, Predicate<String> taken) {
        for (String base : List.of(base(lastName, firstName), base(firstName, lastName))) {
            if (base.length() < 2) {
                continue;
            }
            for (int n = 1; n < 10_000; n++) {
                String suffix = Integer.toString(n);
                String stem = base.length() + suffix.length() > MAX_LENGTH
                        ? base.substring(0, MAX_LENGTH - suffix.length())
                        : base;
                String candidate = stem + suffix;
                if (!isValid(candidate)) {
                    break;
                }
                if (!taken.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The lower-case stem of a suggestion, e.g. "mousem" for Mickey Mouse. */
    public static String base(String wholeName, String initialOf) {
        String whole = asciiLetters(wholeName);
        String initial = asciiLetters(initialOf);
        return initial.isEmpty() ? whole : whole + initial.charAt(0);
    }

    private static String asciiLetters(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("[^A-Za-z]", "").toLowerCase(Locale.ROOT);
    }
}
