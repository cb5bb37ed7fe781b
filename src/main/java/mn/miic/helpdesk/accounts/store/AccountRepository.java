package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT_ORGANIZATION;
import static mn.miic.helpdesk.db.jooq.Tables.PASSWORD_HISTORY;
import static mn.miic.helpdesk.db.jooq.Tables.SLACK_LINK;
import static org.jooq.impl.DSL.lower;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Emails;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.db.Now;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectJoinStep;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/** Accounts, their extra organizations and password history, on the DSLContext of the caller's transaction. */
public final class AccountRepository {

    /**
     * When an account was last used, for the 90-day rule: its last sign-in or its reactivation, whichever is later
     * (PostgreSQL's GREATEST skips nulls), or its creation when it has had neither.
     */
    public static final Field<OffsetDateTime> LAST_USE =
            DSL.coalesce(DSL.greatest(ACCOUNT.LAST_SIGN_IN_AT, ACCOUNT.REACTIVATED_AT), ACCOUNT.CREATED_AT);

    private final DSLContext dsl;

    public AccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Optional<Account> findById(long id) {
        return selectAccounts().where(ACCOUNT.ID.eq(id)).fetchOptional(AccountRecords::map);
    }

    /** Accounts that meet a condition on the account table, by name, at most {@code limit}: for summaries. */
    public List<Account> findWhere(Condition condition, int limit) {
        return selectAccounts()
                .where(condition)
                .orderBy(ACCOUNT.LAST_NAME, ACCOUNT.FIRST_NAME, ACCOUNT.ID)
                .limit(limit)
                .fetch(AccountRecords::map);
    }

    /** Several accounts in one query, in no particular order. */
    public List<Account> findAllById(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return selectAccounts().where(ACCOUNT.ID.in(ids)).fetch(AccountRecords::map);
    }

    /**
     * Reads the account and holds its row lock until the transaction ends. {@code FOR NO KEY UPDATE}, the lock its
     * own update takes: rows that merely refer to the account (a request it decides, a Slack link it made) need not wait.
     */
    public Optional<Account> lockById(long id) {
        return selectAccounts()
                .where(ACCOUNT.ID.eq(id))
                .forNoKeyUpdate()
                .of(ACCOUNT)
                .fetchOptional(AccountRecords::map);
    }

    public Optional<Account> findByUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return selectAccounts().where(byUsername(username)).fetchOptional(AccountRecords::map);
    }

    public boolean isUsernameTaken(String username) {
        return dsl.fetchExists(ACCOUNT, byUsername(username));
    }

    public boolean isEmailTaken(String email, Long exceptAccountId) {
        Condition sameEmail = lower(ACCOUNT.EMAIL).eq(email.toLowerCase(Locale.ROOT));
        return dsl.fetchExists(
                ACCOUNT, exceptAccountId == null ? sameEmail : sameEmail.and(ACCOUNT.ID.ne(exceptAccountId)));
    }

    /** Usernames that start with a suggestion's stem, for finding the next free number. */
    public Set<String> usernamesStartingWith(String stem) {
        return new HashSet<>(dsl.select(lower(ACCOUNT.USERNAME))
                .from(ACCOUNT)
                .where(lower(ACCOUNT.USERNAME).startsWith(stem.toLowerCase(Locale.ROOT)))
                .fetch(0, String.class));
    }

    /**
     * The guide's search: by last name, first name or username (each word must match one), one organization.
     *
     * @param duaBefore only accounts whose user DUA is older than this date, or not on file; null for all */
    public AccountPage search(
            long organizationId,
            String text,
            StatusFilter filter,
            java.time.LocalDate duaBefore,
            int page,
            int pageSize) {
        Condition where = ACCOUNT.ORGANIZATION_ID.eq(organizationId);
        if (duaBefore != null) {
            where = where.and(ACCOUNT.USER_DUA_DATE.lt(duaBefore).or(ACCOUNT.USER_DUA_DATE.isNull()));
        }
        for (String word : AccountRecords.words(text)) {
            where = where.and(lower(ACCOUNT.LAST_NAME)
                    .startsWith(word)
                    .or(lower(ACCOUNT.FIRST_NAME).startsWith(word))
                    .or(lower(ACCOUNT.USERNAME).startsWith(word)));
        }
        where = switch (filter) {
            case ALL -> where;
            case ACTIVE -> where.and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name()));
            case INACTIVE -> where.and(ACCOUNT.STATUS.ne(AccountStatus.ACTIVE.name()));
        };
        int total = dsl.fetchCount(ACCOUNT, where);
        List<Account> accounts = selectAccounts()
                .where(where)
                .orderBy(lower(ACCOUNT.LAST_NAME), lower(ACCOUNT.FIRST_NAME), lower(ACCOUNT.USERNAME))
                .limit(pageSize)
                .offset(page * pageSize)
                .fetch(AccountRecords::map);
        return new AccountPage(accounts, page, pageSize, total);
    }

    public long insert(NewAccount account) {
        AccountDetails d = account.details();
        return translatingDuplicates(() -> {
            long id = dsl.insertInto(ACCOUNT)
                    .set(ACCOUNT.ORGANIZATION_ID, account.organizationId())
                    .set(ACCOUNT.USERNAME, d.username())
                    .set(ACCOUNT.FIRST_NAME, d.name().first())
                    .set(ACCOUNT.LAST_NAME, d.name().last())
                    .set(ACCOUNT.MIDDLE_INITIAL, d.name().middleInitial())
                    .set(ACCOUNT.ROLE, d.role().role().name())
                    .set(ACCOUNT.ORDERING, d.role().ordering())
                    .set(ACCOUNT.STATUS, account.status().name())
                    .set(ACCOUNT.LOCKED, account.locked())
                    .set(ACCOUNT.AREA_CODE, d.phone().areaCode())
                    .set(ACCOUNT.PHONE_NUMBER, d.phone().number())
                    .set(ACCOUNT.EXTENSION, d.phone().extension())
                    .set(ACCOUNT.EMAIL, d.email())
                    .set(ACCOUNT.USER_DUA_DATE, d.userDuaDate())
                    .set(ACCOUNT.ACCESS_UNTIL, d.accessUntil())
                    .set(ACCOUNT.LAST_SIGN_IN_AT, AccountRecords.utc(account.lastSignInAt()))
                    .set(ACCOUNT.CREATED_AT, Now.of(dsl))
                    .set(ACCOUNT.CREATED_BY, account.createdBy())
                    .set(ACCOUNT.UPDATED_AT, Now.of(dsl))
                    .set(ACCOUNT.UPDATED_BY, account.createdBy())
                    .returning(ACCOUNT.ID)
                    .fetchOne(ACCOUNT.ID);
            replaceAdditionalOrganizations(id, d.additionalOrganizationIds());
            return id;
        });
    }

    /**
     * Writes {@code after} over the row, but only if nobody changed it since {@code before} was read; otherwise the
     * change is refused as "changed by someone else". Returns the account as stored.
     */
    public Account update(Account before, Account after, Long updatedBy) {
        int rows = translatingDuplicates(() -> dsl.update(ACCOUNT)
                .set(ACCOUNT.USERNAME, after.username())
                .set(ACCOUNT.FIRST_NAME, after.name().first())
                .set(ACCOUNT.LAST_NAME, after.name().last())
                .set(ACCOUNT.MIDDLE_INITIAL, after.name().middleInitial())
                .set(ACCOUNT.ROLE, after.role().role().name())
                .set(ACCOUNT.ORDERING, after.role().ordering())
                .set(ACCOUNT.STATUS, after.status().name())
                .set(ACCOUNT.LOCKED, after.locked())
                .set(ACCOUNT.AREA_CODE, after.phone().areaCode())
                .set(ACCOUNT.PHONE_NUMBER, after.phone().number())
                .set(ACCOUNT.EXTENSION, after.phone().extension())
                .set(ACCOUNT.EMAIL, after.email())
                .set(ACCOUNT.USER_DUA_DATE, after.userDuaDate())
                .set(ACCOUNT.ACCESS_UNTIL, after.accessUntil())
                .set(ACCOUNT.LAST_SIGN_IN_AT, AccountRecords.utc(after.lastSignInAt()))
                .set(ACCOUNT.REACTIVATED_AT, AccountRecords.utc(after.reactivatedAt()))
                .set(ACCOUNT.FAILED_SIGN_INS, after.failedSignIns())
                .set(ACCOUNT.INACTIVATION_REASON, after.inactivationReason())
                .set(ACCOUNT.UPDATED_AT, Now.of(dsl))
                .set(ACCOUNT.UPDATED_BY, updatedBy)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(before.id()))
                .and(ACCOUNT.VERSION.eq(before.version()))
                .execute());
        if (rows == 0) {
            throw Refusal.changedBySomeoneElse();
        }
        if (!before.additionalOrganizationIds().equals(after.additionalOrganizationIds())) {
            replaceAdditionalOrganizations(before.id(), after.additionalOrganizationIds());
        }
        if (!Emails.same(before.email(), after.email())) {
            // A Slack link stands for the person the email named: another email may be another person.
            dsl.deleteFrom(SLACK_LINK)
                    .where(SLACK_LINK.ACCOUNT_ID.eq(before.id()))
                    .execute();
        }
        return findById(before.id()).orElseThrow();
    }

    /** The Slack user linked to an account, as stored. */
    public java.util.Optional<String> slackUserOf(long accountId) {
        return dsl.select(SLACK_LINK.SLACK_USER_ID)
                .from(SLACK_LINK)
                .where(SLACK_LINK.ACCOUNT_ID.eq(accountId))
                .fetchOptional(SLACK_LINK.SLACK_USER_ID);
    }

    public void setCurrentOrganization(long accountId, Long organizationId) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.CURRENT_ORGANIZATION_ID, organizationId)
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    /** After a sign-in attempt: the failure count, the lock, and when it succeeded. Bumps the version. */
    public void recordSignIn(long accountId, int failedSignIns, boolean locked, Instant signedInAt) {
        var update = dsl.update(ACCOUNT)
                .set(ACCOUNT.FAILED_SIGN_INS, failedSignIns)
                .set(ACCOUNT.LOCKED, locked)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1));
        if (signedInAt != null) {
            update = update.set(ACCOUNT.LAST_SIGN_IN_AT, AccountRecords.utc(signedInAt));
        }
        update.where(ACCOUNT.ID.eq(accountId)).execute();
    }

    public Credential credential(long accountId) {
        return dsl.select(ACCOUNT.PASSWORD_HASH, ACCOUNT.PASSWORD_EXPIRES_AT, ACCOUNT.MUST_CHANGE_PASSWORD)
                .from(ACCOUNT)
                .where(ACCOUNT.ID.eq(accountId))
                .fetchOne(r -> new Credential(r.value1(), AccountRecords.instant(r.value2()), r.value3()));
    }

    /** Stores a new password state and bumps the version, so an open Edit User form sees the change. */
    public void setCredential(long accountId, Credential credential, Long updatedBy) {
        dsl.update(ACCOUNT)
                .set(ACCOUNT.PASSWORD_HASH, credential.passwordHash())
                .set(ACCOUNT.PASSWORD_EXPIRES_AT, AccountRecords.utc(credential.expiresAt()))
                .set(ACCOUNT.MUST_CHANGE_PASSWORD, credential.mustChange())
                .set(ACCOUNT.UPDATED_AT, Now.of(dsl))
                .set(ACCOUNT.UPDATED_BY, updatedBy)
                .set(ACCOUNT.VERSION, ACCOUNT.VERSION.plus(1))
                .where(ACCOUNT.ID.eq(accountId))
                .execute();
    }

    public long addToHistory(long accountId, String passwordHash, boolean temporary) {
        return dsl.insertInto(PASSWORD_HISTORY)
                .set(PASSWORD_HISTORY.ACCOUNT_ID, accountId)
                .set(PASSWORD_HISTORY.PASSWORD_HASH, passwordHash)
                .set(PASSWORD_HISTORY.TEMPORARY, temporary)
                .set(PASSWORD_HISTORY.CREATED_AT, Now.of(dsl))
                .returning(PASSWORD_HISTORY.ID)
                .fetchOne(PASSWORD_HISTORY.ID);
    }

    public void removeFromHistory(long historyId) {
        dsl.deleteFrom(PASSWORD_HISTORY)
                .where(PASSWORD_HISTORY.ID.eq(historyId))
                .execute();
    }

    /** The most recent password hashes, newest first. */
    public List<String> recentPasswordHashes(long accountId, int count) {
        return dsl.select(PASSWORD_HISTORY.PASSWORD_HASH)
                .from(PASSWORD_HISTORY)
                .where(PASSWORD_HISTORY.ACCOUNT_ID.eq(accountId))
                .orderBy(PASSWORD_HISTORY.ID.desc())
                .limit(count)
                .fetch(PASSWORD_HISTORY.PASSWORD_HASH);
    }

    /** Active accounts whose home is the organization and whose role manages users, but for one. */
    public int countActiveManagers(long organizationId, long exceptAccountId) {
        return countActive(organizationId, exceptAccountId, ACCOUNT.ROLE.in(managerRoles()));
    }

    public int countActiveHealthSystemUsers(long organizationId, long exceptAccountId) {
        return countActive(organizationId, exceptAccountId, ACCOUNT.ROLE.eq(Role.HEALTH_SYSTEM_USER.name()));
    }

    /** {@link #countActiveManagers} for many organizations at once, with no exception: none is not in the map. */
    public Map<Long, Integer> countActiveManagers(java.util.Collection<Long> organizationIds) {
        return dsl.select(ACCOUNT.ORGANIZATION_ID, DSL.count())
                .from(ACCOUNT)
                .where(activeHomedIn(ACCOUNT.ORGANIZATION_ID.in(organizationIds), ACCOUNT.ROLE.in(managerRoles())))
                .groupBy(ACCOUNT.ORGANIZATION_ID)
                .fetchMap(r -> r.value1(), r -> r.value2());
    }

    private int countActive(long organizationId, long exceptAccountId, Condition role) {
        return dsl.fetchCount(
                ACCOUNT,
                activeHomedIn(ACCOUNT.ORGANIZATION_ID.eq(organizationId), role).and(ACCOUNT.ID.ne(exceptAccountId)));
    }

    private static Condition activeHomedIn(Condition home, Condition role) {
        return home.and(ACCOUNT.STATUS.eq(AccountStatus.ACTIVE.name())).and(role);
    }

    /** Homed in one of these organizations, or also working there (a floating user's other locations). */
    public static Condition worksIn(java.util.Collection<Long> organizationIds) {
        return ACCOUNT.ORGANIZATION_ID
                .in(organizationIds)
                .or(DSL.exists(DSL.selectOne()
                        .from(ACCOUNT_ORGANIZATION)
                        .where(ACCOUNT_ORGANIZATION.ACCOUNT_ID.eq(ACCOUNT.ID))
                        .and(ACCOUNT_ORGANIZATION.ORGANIZATION_ID.in(organizationIds))));
    }

    /** The roles that manage users, as stored. */
    public static List<String> managerRoles() {
        List<String> names = new ArrayList<>();
        for (Role r : Role.values()) {
            if (r.managesUsers()) {
                names.add(r.name());
            }
        }
        return names;
    }

    private void replaceAdditionalOrganizations(long accountId, Set<Long> organizationIds) {
        dsl.deleteFrom(ACCOUNT_ORGANIZATION)
                .where(ACCOUNT_ORGANIZATION.ACCOUNT_ID.eq(accountId))
                .execute();
        for (Long orgId : organizationIds) {
            dsl.insertInto(ACCOUNT_ORGANIZATION)
                    .set(ACCOUNT_ORGANIZATION.ACCOUNT_ID, accountId)
                    .set(ACCOUNT_ORGANIZATION.ORGANIZATION_ID, orgId)
                    .execute();
        }
    }

    /**
     * Runs the statement in a savepoint, so that a duplicate username or email leaves the transaction usable (to
     * suggest another username) and comes back as a domain error instead of a SQL one.
     */
    private <T> T translatingDuplicates(Supplier<T> statement) {
        try {
            return dsl.transactionResult(nested -> statement.get());
        } catch (IntegrityConstraintViolationException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("account_username_uk")) {
                throw new DuplicateAccountField(DuplicateAccountField.Field.USERNAME, e);
            }
            if (message.contains("account_email_uk")) {
                throw new DuplicateAccountField(DuplicateAccountField.Field.EMAIL, e);
            }
            throw e;
        }
    }

    private SelectJoinStep<Record> selectAccounts() {
        return dsl.select(AccountRecords.columns()).from(ACCOUNT);
    }

    private static Condition byUsername(String username) {
        return lower(ACCOUNT.USERNAME).eq(username.trim().toLowerCase(Locale.ROOT));
    }
}
