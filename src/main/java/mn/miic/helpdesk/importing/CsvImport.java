package mn.miic.helpdesk.importing;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
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
import org.apache.commons.csv.CSVRecord;
import org.jooq.DSLContext;

/**
 * Imports existing organizations and accounts from CSV (SPEC 8.1). All or nothing: every row is checked first and
 * every bad row reported with its line; only a clean pair of files is written, in one transaction. Idempotent by
 * organization code and username: importing the same files again changes nothing. Imported accounts have no usable
 * password until an administrator resets it.
 */
public final class CsvImport {

    private static final String OPERATOR = "import";

    private final DSLContext dsl;
    private final ImportRows rows;

    public CsvImport(DSLContext dsl, AccessPolicy policy) {
        this.dsl = dsl;
        this.rows = new ImportRows(policy);
    }

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
        List<CSVRecord> orgRecords =
                rows.read(organizations, organizationsName, ImportRows.ORGANIZATION_COLUMNS, problems);
        List<CSVRecord> userRecords = rows.read(users, usersName, ImportRows.USER_COLUMNS, problems);
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

                List<ImportRows.OrgRow> orgRows =
                        rows.parseOrganizations(orgRecords, organizationsName, existingOrgs, problems);
                Map<String, OrganizationKind> kinds = new HashMap<>();
                existingOrgs.values().forEach(o -> kinds.put(o.code(), o.kind()));
                orgRows.forEach(r -> kinds.put(r.code(), r.kind()));
                List<ImportRows.UserRow> userRows =
                        rows.parseUsers(userRecords, usersName, kinds, accounts, orgs, problems);
                if (!problems.isEmpty()) {
                    throw new Rejected(problems);
                }
                return write(tx, orgRows, userRows, existingOrgs, usersName);
            });
        } catch (Rejected rejected) {
            return ImportReport.failed(rejected.problems);
        }
    }

    private ImportReport write(
            DSLContext tx,
            List<ImportRows.OrgRow> orgRows,
            List<ImportRows.UserRow> userRows,
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
        List<ImportRows.OrgRow> pending = new ArrayList<>(orgRows);
        while (!pending.isEmpty()) {
            List<ImportRows.OrgRow> next = new ArrayList<>();
            for (ImportRows.OrgRow r : pending) {
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
        for (ImportRows.UserRow r : userRows) {
            Set<Long> extra = new HashSet<>();
            r.additionalCodes().forEach(c -> extra.add(ids.get(c)));
            AccountDetails details = new AccountDetails(
                    r.details().username(),
                    r.details().name(),
                    r.details().role(),
                    r.details().phone(),
                    r.details().email(),
                    r.details().userDuaDate(),
                    extra,
                    r.details().accessUntil());
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

    private static Account withImportedState(Account a, ImportRows.UserRow r) {
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
                a.accessUntil(),
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
}
