package mn.miic.helpdesk.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import mn.miic.helpdesk.accounts.store.NewAccount;
import mn.miic.helpdesk.accounts.usecases.AccountDiff;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/**
 * Imports existing organizations and accounts from CSV (SPEC 8.1). All or nothing: every row is checked first and
 * every bad row reported with its line; only a clean pair of files is written, in one transaction. Idempotent by
 * organization code and username: importing the same files again changes nothing. Imported accounts have no usable
 * password until an administrator resets it.
 */
public final class CsvImport {

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
    private static final String OPERATOR = "import";

    private final DSLContext dsl;
    private final AccessPolicy policy;

    public CsvImport(DSLContext dsl, AccessPolicy policy) {
        this.dsl = dsl;
        this.policy = policy;
    }

    private record OrgRow(
            long line, String code, String name, OrganizationKind kind, String parentCode, LocalDate duaDate) {}

    private record UserRow(
            long line,
            String orgCode,
            AccountDetails details,
            List<String> additionalCodes,
            AccountStatus status,
            boolean locked,
            Instant lastSignIn) {}

    /** Thrown inside the transaction to roll it back when a row turns out bad only at write time. */
    private static final class Rejected extends RuntimeException {
        final List<RowProblem> problems;

        Rejected(List<RowProblem> problems) {
            super(null, null, false, false);
            this.problems = problems;
        }
    }

    public ImportReport run(Reader organizations, String organizationsName, Reader users, String usersName) {
        List<RowProblem> problems = new ArrayList<>();
        List<CSVRecord> orgRecords = read(organizations, organizationsName, ORGANIZATION_COLUMNS, problems);
        List<CSVRecord> userRecords = read(users, usersName, USER_COLUMNS, problems);
        if (!problems.isEmpty()) {
            return ImportReport.failed(problems);
        }
        try {
            return dsl.transactionResult(cfg -> {
                DSLContext tx = cfg.dsl();
                var orgs = new OrganizationRepository(tx);
                var accounts = new AccountRepository(tx);
                Map<String, Organization> existingOrgs = new HashMap<>();
                orgs.findAll().forEach(o -> existingOrgs.put(o.code(), o));

                List<OrgRow> orgRows = parseOrganizations(orgRecords, organizationsName, existingOrgs, problems);
                Map<String, OrganizationKind> kinds = new HashMap<>();
                existingOrgs.values().forEach(o -> kinds.put(o.code(), o.kind()));
                orgRows.forEach(r -> kinds.put(r.code(), r.kind()));
                List<UserRow> userRows = parseUsers(userRecords, usersName, kinds, accounts, orgs, problems);
                if (!problems.isEmpty()) {
                    throw new Rejected(problems);
                }
                return write(tx, orgRows, userRows, existingOrgs, usersName);
            });
        } catch (Rejected rejected) {
            return ImportReport.failed(rejected.problems);
        }
    }

    private List<CSVRecord> read(Reader reader, String file, List<String> required, List<RowProblem> problems) {
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

    private List<OrgRow> parseOrganizations(
            List<CSVRecord> records, String file, Map<String, Organization> existing, List<RowProblem> problems) {
        List<OrgRow> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord rec : records) {
            long line = rec.getRecordNumber() + 1;
            List<String> errors = new ArrayList<>();
            String code = get(rec, "code").toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z0-9_-]{2,20}")) {
                errors.add("code \"" + code + "\" must be 2 to 20 letters, digits, hyphens or underscores");
            } else if (seen.containsKey(code)) {
                errors.add("code " + code + " appears again (first on line " + seen.get(code) + ")");
            }
            seen.putIfAbsent(code, line);
            String name = get(rec, "name");
            if (name.isEmpty() || name.length() > 200) {
                errors.add("name is required (at most 200 characters)");
            }
            OrganizationKind kind = parseKind(get(rec, "kind"));
            if (kind == null) {
                errors.add("kind \"" + get(rec, "kind") + "\" is not one of "
                        + Arrays.toString(OrganizationKind.values()));
            }
            String parent = get(rec, "parent_code").toUpperCase(Locale.ROOT);
            LocalDate dua = date(get(rec, "dua_date"), "dua_date", errors);
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
            } else if (hasCycle(r.code(), parentOf)) {
                problems.add(new RowProblem(
                        file, r.line(), "parent_code " + r.parentCode() + " makes " + r.code() + " its own ancestor"));
            }
        }
        return rows;
    }

    private List<UserRow> parseUsers(
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
            String orgCode = get(rec, "org_code").toUpperCase(Locale.ROOT);
            OrganizationKind kind = kinds.get(orgCode);
            if (kind == null) {
                errors.add("org_code \"" + orgCode + "\" is neither in the organizations file nor in MIIC");
            }
            Boolean ordering = bool(get(rec, "ordering"), "ordering", errors);
            Boolean locked = bool(get(rec, "locked"), "locked", errors);
            Optional<Role> role = Role.parse(get(rec, "role"));
            if (role.isEmpty()) {
                errors.add("role \"" + get(rec, "role") + "\" is not a MIIC role");
            }
            Optional<AccountStatus> status = AccountStatus.parse(get(rec, "status"));
            if (status.isEmpty()) {
                errors.add("status \"" + get(rec, "status") + "\" is not Active, Inactive Expired or Inactive"
                        + " Manual");
            }
            Instant lastSignIn = instant(get(rec, "last_sign_in"), errors);
            List<String> additional = new ArrayList<>();
            if (rec.isMapped(ADDITIONAL_ORGS) && rec.isSet(ADDITIONAL_ORGS)) {
                for (String code : get(rec, ADDITIONAL_ORGS).split(";")) {
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
                                get(rec, "first_name"),
                                get(rec, "last_name"),
                                get(rec, "middle_initial"),
                                get(rec, "username"),
                                roleLabel,
                                get(rec, "area_code"),
                                get(rec, "phone"),
                                get(rec, "extension"),
                                get(rec, "email"),
                                get(rec, "dua_date"),
                                List.of()),
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
                        Set.of());
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

    private ImportReport write(
            DSLContext tx,
            List<OrgRow> orgRows,
            List<UserRow> userRows,
            Map<String, Organization> existingOrgs,
            String usersName) {
        var orgs = new OrganizationRepository(tx);
        var accounts = new AccountRepository(tx);
        var audit = new AuditLog(tx);
        Actor operator = Actor.operator();
        int orgCreated = 0;
        int orgUpdated = 0;
        int orgUnchanged = 0;
        Map<String, Long> ids = new HashMap<>();
        existingOrgs.forEach((code, o) -> ids.put(code, o.id()));

        // Parents first: place the rows whose parent is known, until all are placed (cycles were refused above).
        List<OrgRow> pending = new ArrayList<>(orgRows);
        while (!pending.isEmpty()) {
            List<OrgRow> next = new ArrayList<>();
            for (OrgRow r : pending) {
                if (r.parentCode() != null && !ids.containsKey(r.parentCode())) {
                    next.add(r);
                    continue;
                }
                Long parentId = r.parentCode() == null ? null : ids.get(r.parentCode());
                Organization before = existingOrgs.get(r.code());
                Map<String, Change> changes = new LinkedHashMap<>();
                AccountDiff.put(changes, "name", before == null ? null : before.name(), r.name());
                AccountDiff.put(
                        changes,
                        "kind",
                        before == null ? null : before.kind().name(),
                        r.kind().name());
                AccountDiff.put(
                        changes,
                        "parent_code",
                        before == null ? null : parentCode(before, existingOrgs),
                        r.parentCode());
                AccountDiff.put(
                        changes,
                        "dua_date",
                        before == null || before.duaDate() == null
                                ? null
                                : before.duaDate().toString(),
                        r.duaDate() == null ? null : r.duaDate().toString());
                long id;
                if (before == null) {
                    id = orgs.insert(r.code(), r.name(), r.kind(), parentId, r.duaDate());
                    orgCreated++;
                } else if (!changes.isEmpty()) {
                    id = before.id();
                    orgs.update(id, r.name(), r.kind(), parentId, r.duaDate());
                    orgUpdated++;
                } else {
                    ids.put(r.code(), before.id());
                    orgUnchanged++;
                    continue;
                }
                ids.put(r.code(), id);
                audit.done(
                        operator,
                        OPERATOR,
                        AuditAction.IMPORT_ORGANIZATION,
                        new AuditLog.Subject(null, null, id, r.code()),
                        null,
                        changes);
            }
            if (next.size() == pending.size()) {
                throw new IllegalStateException("organization parents could not be ordered");
            }
            pending = next;
        }

        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (UserRow r : userRows) {
            Set<Long> extra = new HashSet<>();
            r.additionalCodes().forEach(c -> extra.add(ids.get(c)));
            AccountDetails details = new AccountDetails(
                    r.details().username(),
                    r.details().name(),
                    r.details().role(),
                    r.details().phone(),
                    r.details().email(),
                    r.details().userDuaDate(),
                    extra);
            long orgId = ids.get(r.orgCode());
            AuditLog.Subject subject;
            Optional<Account> existing = accounts.findByUsername(details.username());
            Map<String, Change> changes;
            if (existing.isEmpty()) {
                long id = accounts.insert(new NewAccount(orgId, details, r.status(), r.locked(), r.lastSignIn(), null));
                Account createdAccount = accounts.findById(id).orElseThrow();
                changes = AccountDiff.between(null, createdAccount, a -> codes(a, ids));
                subject = new AuditLog.Subject(id, details.username(), orgId, r.orgCode());
                created++;
            } else {
                Account before = existing.get();
                Account wanted = withImportedState(before.withDetails(details), r);
                changes = AccountDiff.between(before, wanted, a -> codes(a, ids));
                if (changes.isEmpty()) {
                    unchanged++;
                    continue;
                }
                accounts.update(before, wanted, null);
                subject = new AuditLog.Subject(before.id(), details.username(), orgId, r.orgCode());
                updated++;
            }
            audit.done(
                    operator, OPERATOR, AuditAction.IMPORT_ACCOUNT, subject, usersName + " line " + r.line(), changes);
        }
        return new ImportReport(List.of(), orgCreated, orgUpdated, orgUnchanged, created, updated, unchanged);
    }

    private static Account withImportedState(Account a, UserRow r) {
        return new Account(
                a.id(),
                a.organizationId(),
                a.username(),
                a.name(),
                a.role(),
                r.status(),
                r.locked(),
                a.phone(),
                a.email(),
                a.userDuaDate(),
                a.hasPassword(),
                a.passwordExpiresAt(),
                a.mustChangePassword(),
                r.lastSignIn(),
                a.reactivatedAt(),
                a.failedSignIns(),
                r.status().isActive() ? null : a.inactivationReason(),
                a.additionalOrganizationIds(),
                a.currentOrganizationId(),
                a.createdAt(),
                a.updatedAt(),
                a.version());
    }

    private static String codes(Account a, Map<String, Long> ids) {
        if (a.additionalOrganizationIds().isEmpty()) {
            return null;
        }
        return String.join(
                ",",
                ids.entrySet().stream()
                        .filter(e -> a.additionalOrganizationIds().contains(e.getValue()))
                        .map(Map.Entry::getKey)
                        .sorted()
                        .toList());
    }

    private static String parentCode(Organization o, Map<String, Organization> existing) {
        return o.parent()
                .flatMap(id ->
                        existing.values().stream().filter(p -> p.id() == id).findFirst())
                .map(Organization::code)
                .orElse(null);
    }

    private static boolean hasCycle(String code, Map<String, String> parentOf) {
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

    private static OrganizationKind parseKind(String text) {
        String wanted = text.trim().replace(' ', '_').toUpperCase(Locale.ROOT);
        for (OrganizationKind k : OrganizationKind.values()) {
            if (k.name().equals(wanted)) {
                return k;
            }
        }
        return null;
    }

    private static String get(CSVRecord rec, String column) {
        if (!rec.isMapped(column) || !rec.isSet(column)) {
            return "";
        }
        String value = rec.get(column);
        return value == null ? "" : value.trim();
    }

    private static Boolean bool(String text, String column, List<String> errors) {
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

    private static LocalDate date(String text, String column, List<String> errors) {
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
    private static Instant instant(String text, List<String> errors) {
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
