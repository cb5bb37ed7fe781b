package mn.miic.helpdesk.accounts.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import mn.miic.helpdesk.accounts.access.InvalidInput;

/**
 * Checks every field of the Add/Edit User form and says, per field, how to fix it. Uniqueness and authorization are
 * not its business; the shape of what was typed is.
 */
public final class AccountFormValidator {

    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} .'-]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final int MAX_NAME = 50;

    private AccountFormValidator() {}

    /**
     * @param organizationIdForCode resolves an additional organization's code, empty when there is none
     * @param today the date in Minnesota, for the user DUA date and the access-until date
     */
    public static AccountDetails validate(
            AccountForm form, Function<String, Optional<Long>> organizationIdForCode, LocalDate today) {
        return validate(form, organizationIdForCode, today, null);
    }

    /**
     * @param keptAccessUntil the access-until date the account has now: kept as it is even when it is past (an account
     *     whose access ended, edited), where a new date must be today or later
     */
    public static AccountDetails validate(
            AccountForm form,
            Function<String, Optional<Long>> organizationIdForCode,
            LocalDate today,
            LocalDate keptAccessUntil) {
        Map<String, String> errors = new LinkedHashMap<>();
        String first = name(form.firstName(), "first name", AccountFields.FIRST_NAME, errors);
        String last = name(form.lastName(), "last name", AccountFields.LAST_NAME, errors);

        String middle = blankToNull(form.middleInitial());
        if (middle != null) {
            middle = middle.replace(".", "");
            if (!middle.matches("\\p{L}")) {
                errors.put(AccountFields.MIDDLE_INITIAL, "The middle initial is one letter, or leave it empty.");
            } else {
                middle = middle.toUpperCase(Locale.ROOT);
            }
        }

        String username = form.username() == null ? null : form.username().trim();
        UsernameRules.problemWith(username).ifPresent(p -> errors.put(AccountFields.USERNAME, p));

        Optional<RoleAssignment> role = RoleAssignment.parse(form.role());
        if (role.isEmpty()) {
            errors.put(
                    AccountFields.ROLE,
                    "Choose a role: Read Only, Typical User, Read Only Administrator,"
                            + " Administrator or Health System User, with or without Ordering.");
        }

        Phone phone = phone(form, errors);

        String email = blankToNull(form.email());
        if (email != null) {
            if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
                errors.put(AccountFields.EMAIL, "Enter an email address like name@clinic.org, or leave it empty.");
            }
        }

        LocalDate duaDate = null;
        String dua = blankToNull(form.userDuaDate());
        if (dua != null) {
            try {
                duaDate = LocalDate.parse(dua);
                if (duaDate.isAfter(today)) {
                    errors.put(AccountFields.USER_DUA_DATE, "The user DUA date cannot be in the future.");
                }
            } catch (DateTimeParseException e) {
                errors.put(AccountFields.USER_DUA_DATE, "Enter the user DUA date as YYYY-MM-DD, or pick it.");
            }
        }

        LocalDate accessUntil = null;
        String until = blankToNull(form.accessUntil());
        if (until != null) {
            try {
                accessUntil = LocalDate.parse(until);
                if (accessUntil.isBefore(today) && !accessUntil.equals(keptAccessUntil)) {
                    errors.put(
                            AccountFields.ACCESS_UNTIL,
                            "The last day of access cannot be in the past: pick today or a later day, or leave it"
                                    + " empty for no end.");
                }
            } catch (DateTimeParseException e) {
                errors.put(AccountFields.ACCESS_UNTIL, "Enter the last day of access as YYYY-MM-DD, or pick it.");
            }
        }

        Set<Long> additional = new HashSet<>();
        for (String code : form.additionalOrganizationCodes()) {
            Optional<Long> id = organizationIdForCode.apply(code);
            if (id.isEmpty()) {
                errors.put(
                        AccountFields.ADDITIONAL_ORGANIZATIONS,
                        "There is no MIIC organization with the code \"" + code + "\".");
            } else {
                additional.add(id.get());
            }
        }

        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AccountDetails(
                username,
                new PersonName(first, middle, last),
                role.orElseThrow(),
                phone,
                email,
                duaDate,
                additional,
                accessUntil);
    }

    private static String name(String value, String label, String field, Map<String, String> errors) {
        String v = blankToNull(value);
        if (v == null) {
            errors.put(field, "Enter the user's " + label + "; it is required.");
            return null;
        }
        v = v.replaceAll("\\s+", " ");
        if (v.length() > MAX_NAME) {
            errors.put(field, "The " + label + " can be at most " + MAX_NAME + " characters.");
        } else if (!NAME.matcher(v).matches()) {
            errors.put(field, "The " + label + " may contain letters, spaces, hyphens, apostrophes and periods only.");
        }
        return v;
    }

    private static Phone phone(AccountForm form, Map<String, String> errors) {
        String area = digits(form.areaCode());
        String number = digits(form.phone());
        String extension = digits(form.extension());
        if (area != null && !area.matches("[2-9][0-9]{2}")) {
            errors.put(AccountFields.AREA_CODE, "The area code is three digits, like 651.");
        }
        if (number != null && !number.matches("[0-9]{7}")) {
            errors.put(AccountFields.PHONE, "The phone number is seven digits, like 555-5555.");
        }
        if (number == null && area != null) {
            errors.put(AccountFields.PHONE, "Enter the phone number that goes with the area code.");
        }
        if (extension != null && !extension.matches("[0-9]{1,6}")) {
            errors.put(AccountFields.EXTENSION, "The extension is up to six digits.");
        }
        if (extension != null && number == null) {
            errors.put(AccountFields.PHONE, "Enter the phone number that goes with the extension.");
        }
        return new Phone(area, number, extension);
    }

    /** Keeps what was typed when it has anything but digits and separators, so the check above can name it. */
    private static String digits(String value) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        String stripped = v.replaceAll("[\\s().-]", "");
        return stripped.isEmpty() ? null : stripped;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
