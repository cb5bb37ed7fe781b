package mn.miic.helpdesk.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.AccountFormValidator;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The rows of the import files, read and checked before anything is written: each bad row is reported with its file,
 * line and every reason, so that one pass tells the operator all there is to fix.
 */
final class ImportRows {

    static final List<String> ORGANIZATION_COLUMNS = List.of("code", "name", "kind", "parent_code", "dua_date");
    static final List<String> USER_COLUMNS = List.of(
            "org_code",
            "username",
            "first_name",
            "last_name",
            "middle_initial",
            "role",
            "ordering",
            "status",
            "locked",
            "area_code",
            "phone",
            "extension",
            "email",
            "dua_date",
            "last_sign_in");
    private static final String ADDITIONAL_ORGS = "additional_org_codes";
    /** Optional: the last day of a time-limited account's access, YYYY-MM-DD. */
    private static final String ACCESS_UNTIL = "access_until";

    private final AccessPolicy policy;

    ImportRows(AccessPolicy policy) {
        this.policy = policy;
    }

    record OrgRow(long line, String code, String name, OrganizationKind kind, String parentCode, LocalDate duaDate) {}

    record UserRow(
            long line,
            String orgCode,
            AccountDetails details,
            List<String> additionalCodes,
            AccountStatus status,
            boolean locked,
            Instant lastSignIn) {}

    List<CSVRecord> read(Reader reader, String file, List<String> required, List<RowProblem> problems) {
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(h -> h.toLowerCase(Locale.ROOT))
                    .toList();
            List<String> missing =
                    required.stream().filter(c -> !header.contains(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new RowProblem(
                        file,
                        1,
                        "the header lacks the column(s) " + String.join(", ", missing) + "; expected "
                                + String.join(",", required)));
                return List.of();
            }
            return parser.getRecords();
        } catch (IOException | UncheckedIOException e) {
            problems.add(new RowProblem(file, 1, "the file cannot be read as CSV: " + e.getMessage()));
            return List.of();
        } catch (IllegalArgumentException | IllegalStateException e) {
            problems.add(new RowProblem(file, 1, "the file is not valid CSV: " + e.getMessage()));
            return List.of();
        }
    }

    List<OrgRow> parseOrganizations(
            List<CSVRecord> records, String file, Map<String, Organization> existing, List<RowProblem> problems) {
        List<OrgRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord rec : records) {
            long line = rec.getRecordNumber() + 1;
            List<String> errors = new ArrayList<>();
            String code = ImportValues.get(rec, "code").toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9_-]{2,20}")) {
                errors.add("code \"" + code + "\" must be 2 to 20 letters, digits, hyphens or underscores");
            } else if (seen.containsKey(code)) {
                errors.add("code " + code + " appears again (first on line " + seen.get(code) + ")");
            }
            seen.putIfAbsent(code, line);
            String name = ImportValues.get(rec, "name");
            if (name.isEmpty() || name.length() > 200) {
                errors.add("name is required (at most 200 characters)");
            }
            OrganizationKind kind = ImportValues.parseKind(ImportValues.get(rec, "kind"));
            if (kind == null) {
                errors.add("kind \"" + ImportValues.get(rec, "kind") + "\" is not one of "
                        + Arrays.toString(OrganizationKind.values()));
            }
            String parent = ImportValues.get(rec, "parent_code").toUpperCase(Locale.ROOT);
            LocalDate dua = ImportValues.date(ImportValues.get(rec, "dua_date"), "dua_date", errors);
            if (errors.isEmpty()) {
                rows.add(new OrgRow(line, code, name, kind, parent.isEmpty() ? null : parent, dua));
            } else {
                problems.add(new RowProblem(file, line, String.join("; ", errors)));
            }
        }
        Map<String, String> parentOf = new HashMap<>();
        existing.values().forEach(o -> parentOf.put(o.code(), null));
        for (Organization o : existing.values()) {
            o.parent()
                    .flatMap(id ->
                            existing.values().stream().filter(p -> p.id() == id).findFirst())
                    .ifPresent(p -> parentOf.put(o.code(), p.code()));
        }
        rows.forEach(r -> parentOf.put(r.code(), r.parentCode()));
        for (OrgRow r : rows) {
            if (r.parentCode() != null && !parentOf.containsKey(r.parentCode())) {
                problems.add(new RowProblem(
                        file, r.line(), "parent_code " + r.parentCode() + " is neither in this file nor in MIIC"));
            } else if (ImportValues.hasCycle(r.code(), parentOf)) {
                problems.add(new RowProblem(
                        file, r.line(), "parent_code " + r.parentCode() + " makes " + r.code() + " its own ancestor"));
            }
        }
        return rows;
    }

    List<UserRow> parseUsers(
            List<CSVRecord> records,
            String file,
            Map<String, OrganizationKind> kinds,
            AccountRepository accounts,
            OrganizationRepository orgs,
            List<RowProblem> problems) {
        List<UserRow> rows = new ArrayList<>();
        Map<String, Long> usernames = new HashMap<>();
        Map<String, Long> emails = new HashMap<>();
        for (CSVRecord rec : records) {
            long line = rec.getRecordNumber() + 1;
            List<String> errors = new ArrayList<>();
            String orgCode = ImportValues.get(rec, "org_code").toUpperCase(Locale.ROOT);
            OrganizationKind kind = kinds.get(orgCode);
            if (kind == null) {
                errors.add("org_code \"" + orgCode + "\" is neither in the organizations file nor in MIIC");
            }
            Boolean ordering = ImportValues.bool(ImportValues.get(rec, "ordering"), "ordering", errors);
            Boolean locked = ImportValues.bool(ImportValues.get(rec, "locked"), "locked", errors);
            Optional<Role> role = Role.parse(ImportValues.get(rec, "role"));
            if (role.isEmpty()) {
                errors.add("role \"" + ImportValues.get(rec, "role") + "\" is not a MIIC role");
            }
            Optional<AccountStatus> status = AccountStatus.parse(ImportValues.get(rec, "status"));
            if (status.isEmpty()) {
                errors.add("status \"" + ImportValues.get(rec, "status")
                        + "\" is not Active, Inactive Expired or Inactive" + " Manual");
            }
            Instant lastSignIn = ImportValues.instant(ImportValues.get(rec, "last_sign_in"), errors);
            List<String> additional = new ArrayList<>();
            if (rec.isMapped(ADDITIONAL_ORGS) && rec.isSet(ADDITIONAL_ORGS)) {
                for (String code : ImportValues.get(rec, ADDITIONAL_ORGS).split(";")) {
                    String c = code.trim().toUpperCase(Locale.ROOT);
                    if (c.isEmpty()) {
                        continue;
                    }
                    if (!kinds.containsKey(c)) {
                        errors.add("additional organization " + c + " is neither in the organizations file nor"
                                + " in MIIC");
                    } else {
                        additional.add(c);
                    }
                }
            }
            AccountDetails details = null;
            String roleLabel = role.map(r -> RoleAssignment.of(r).label()).orElse("?");
            try {
                details = AccountFormValidator.validate(
                        new AccountForm(
                                ImportValues.get(rec, "first_name"),
                                ImportValues.get(rec, "last_name"),
                                ImportValues.get(rec, "middle_initial"),
                                ImportValues.get(rec, "username"),
                                roleLabel,
                                ImportValues.get(rec, "area_code"),
                                ImportValues.get(rec, "phone"),
                                ImportValues.get(rec, "extension"),
                                ImportValues.get(rec, "email"),
                                ImportValues.get(rec, "dua_date"),
                                List.of(),
                                ImportValues.get(rec, ACCESS_UNTIL)),
                        code -> Optional.empty(),
                        policy.today());
            } catch (InvalidInput invalid) {
                invalid.fieldErrors().forEach((field, message) -> {
                    if (!field.equals("role")) {
                        errors.add(field + ": " + message.replaceAll("\\.$", ""));
                    }
                });
            }
            if (details != null && role.isPresent() && ordering != null) {
                details = new AccountDetails(
                        details.username(),
                        details.name(),
                        new RoleAssignment(role.get(), ordering),
                        details.phone(),
                        details.email(),
                        details.userDuaDate(),
                        Set.of(),
                        details.accessUntil());
                if (kind != null && kind.readOnlyRolesOnly() && (!role.get().isReadOnly() || ordering)) {
                    errors.add(kind.label() + " organizations get read-only roles only (Read Only or Read Only"
                            + " Administrator, without Ordering)");
                }
                String key = details.username().toLowerCase(Locale.ROOT);
                if (usernames.containsKey(key)) {
                    errors.add("username " + details.username() + " appears again (first on line " + usernames.get(key)
                            + ")");
                }
                usernames.putIfAbsent(key, line);
                Optional<Account> existing = accounts.findByUsername(details.username());
                if (existing.isPresent() && kinds.containsKey(orgCode)) {
                    Organization home =
                            orgs.findById(existing.get().organizationId()).orElseThrow();
                    if (!home.code().equals(orgCode)) {
                        errors.add("username " + details.username() + " already belongs to an account of " + home.code()
                                + "; an import does not move accounts between organizations");
                    }
                }
                if (details.email() != null) {
                    String mail = details.email().toLowerCase(Locale.ROOT);
                    if (emails.containsKey(mail)) {
                        errors.add("email " + details.email() + " is used again (first on line " + emails.get(mail)
                                + "); one person, one account");
                    }
                    emails.putIfAbsent(mail, line);
                    if (accounts.isEmailTaken(
                            details.email(), existing.map(Account::id).orElse(null))) {
                        errors.add("email " + details.email() + " already belongs to another MIIC account");
                    }
                }
            }
            if (errors.isEmpty()) {
                rows.add(new UserRow(line, orgCode, details, additional, status.get(), locked, lastSignIn));
            } else {
                problems.add(new RowProblem(file, line, String.join("; ", errors)));
            }
        }
        return rows;
    }
}
