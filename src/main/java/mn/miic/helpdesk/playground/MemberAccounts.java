package mn.miic.helpdesk.playground;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.ORGANIZATION;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Role;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The MIIC account behind each person of the workspace, by email, as the person picker shows it. Read only. */
final class MemberAccounts {

    /** What the picker says of a person's account: "mousem2 · Administrator · Test Clinic · Active". */
    record Summary(String username, String role, String organization, String state) {}

    private final DSLContext dsl;

    MemberAccounts(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Lower-cased email to the account with it; people with no account are missing. */
    Map<String, Summary> byEmail(List<Member> members) {
        List<String> emails = members.stream().map(m -> m.email().toLowerCase()).toList();
        return dsl
                .select(
                        ACCOUNT.EMAIL,
                        ACCOUNT.USERNAME,
                        ACCOUNT.ROLE,
                        ACCOUNT.STATUS,
                        ACCOUNT.LOCKED,
                        ORGANIZATION.NAME)
                .from(ACCOUNT)
                .join(ORGANIZATION)
                .on(ORGANIZATION.ID.eq(ACCOUNT.ORGANIZATION_ID))
                .where(DSL.lower(ACCOUNT.EMAIL).in(emails))
                .fetch()
                .stream()
                .collect(Collectors.toMap(
                        r -> r.get(ACCOUNT.EMAIL).toLowerCase(),
                        r -> new Summary(
                                r.get(ACCOUNT.USERNAME),
                                Role.valueOf(r.get(ACCOUNT.ROLE)).label(),
                                r.get(ORGANIZATION.NAME),
                                AccountStatus.valueOf(r.get(ACCOUNT.STATUS)).label()
                                        + (r.get(ACCOUNT.LOCKED) ? ", locked" : "")),
                        (a, b) -> a));
    }
}
