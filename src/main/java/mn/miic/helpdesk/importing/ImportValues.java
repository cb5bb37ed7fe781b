package mn.miic.helpdesk.importing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.organizations.OrganizationKind;
import org.apache.commons.csv.CSVRecord;

/** The cells of the import files, read as what they mean; a cell that means nothing says why. */
final class ImportValues {

    private ImportValues() {}

    static boolean hasCycle(String code, Map<String, String> parentOf) {
        Set<String> seen = new HashSet<>();
        String current = code;
        while (current != null) {
            if (!seen.add(current)) {
                return true;
            }
            current = parentOf.get(current);
        }
        return false;
    }

    static OrganizationKind parseKind(String text) {
        String wanted = text.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
        for (OrganizationKind k : OrganizationKind.values()) {
            if (k.name().equals(wanted)) {
                return k;
            }
        }
        return null;
    }

    static String get(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) {
            return "";
        }
        String value = rec.get(column);
        return value == null ? "" : value.trim();
    }

    static Boolean bool(String text, String column, List<String> errors) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "", "false", "no", "n", "0" -> {
                return false;
            }
            case "true", "yes", "y", "1" -> {
                return true;
            }
            default -> {
                errors.add(column + " \"" + text + "\" must be true or false");
                return null;
            }
        }
    }

    static LocalDate date(String text, String column, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(column + " \"" + text + "\" is not a date like 2024-03-01");
            return null;
        }
    }

    /** A date (midnight in Minnesota), a local date-time (Minnesota) or an offset date-time. */
    static Instant instant(String text, List<String> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text)
                        .atStartOfDay(AccessPolicy.MINNESOTA)
                        .toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(AccessPolicy.MINNESOTA).toInstant();
            }
        } catch (DateTimeParseException e) {
            errors.add("last_sign_in \"" + text + "\" is not a date or date-time like 2026-10-01T08:30");
            return null;
        }
    }
}
