package mn.miic.helpdesk.accounts.store;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT_ORGANIZATION;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.PersonName;
import mn.miic.helpdesk.accounts.domain.Phone;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import org.jooq.Field;
import org.jooq.Record;

/** How an account's row reads as an {@code Account}, and back: the one mapping the repository uses. */
final class AccountRecords {

    static final Field<Set<Long>> ADDITIONAL_ORGS = multiset(select(ACCOUNT_ORGANIZATION.ORGANIZATION_ID)
                    .from(ACCOUNT_ORGANIZATION)
                    .where(ACCOUNT_ORGANIZATION.ACCOUNT_ID.eq(ACCOUNT.ID)))
            .as("additional_orgs")
            .convertFrom(r -> new HashSet<>(r.getValues(ACCOUNT_ORGANIZATION.ORGANIZATION_ID)));

    private AccountRecords() {}

    /** The columns {@link #map} reads: the account's, and its additional organizations. */
    static java.util.List<org.jooq.Field<?>> columns() {
        java.util.List<org.jooq.Field<?>> fields = new ArrayList<>(java.util.List.of(ACCOUNT.fields()));
        fields.add(ADDITIONAL_ORGS);
        return fields;
    }

    static Account map(Record r) {
        return new Account(
                r.get(ACCOUNT.ID),
                r.get(ACCOUNT.ORGANIZATION_ID),
                r.get(ACCOUNT.USERNAME),
                new PersonName(r.get(ACCOUNT.FIRST_NAME), r.get(ACCOUNT.MIDDLE_INITIAL), r.get(ACCOUNT.LAST_NAME)),
                new RoleAssignment(Role.valueOf(r.get(ACCOUNT.ROLE)), r.get(ACCOUNT.ORDERING)),
                AccountStatus.valueOf(r.get(ACCOUNT.STATUS)),
                r.get(ACCOUNT.LOCKED),
                new Phone(r.get(ACCOUNT.AREA_CODE), r.get(ACCOUNT.PHONE_NUMBER), r.get(ACCOUNT.EXTENSION)),
                r.get(ACCOUNT.EMAIL),
                r.get(ACCOUNT.USER_DUA_DATE),
                r.get(ACCOUNT.ACCESS_UNTIL),
                r.get(ACCOUNT.PASSWORD_HASH) != null,
                instant(r.get(ACCOUNT.PASSWORD_EXPIRES_AT)),
                r.get(ACCOUNT.MUST_CHANGE_PASSWORD),
                instant(r.get(ACCOUNT.LAST_SIGN_IN_AT)),
                instant(r.get(ACCOUNT.REACTIVATED_AT)),
                r.get(ACCOUNT.FAILED_SIGN_INS),
                r.get(ACCOUNT.INACTIVATION_REASON),
                r.get(ADDITIONAL_ORGS),
                r.get(ACCOUNT.CURRENT_ORGANIZATION_ID),
                instant(r.get(ACCOUNT.CREATED_AT)),
                instant(r.get(ACCOUNT.UPDATED_AT)),
                r.get(ACCOUNT.VERSION));
    }

    static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> words = new ArrayList<>();
        for (String w : text.trim().toLowerCase(Locale.ROOT).split("[\\s,]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
