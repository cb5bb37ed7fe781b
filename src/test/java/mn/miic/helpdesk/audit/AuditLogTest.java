package mn.miic.helpdesk.audit;

import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;
import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import mn.miic.helpdesk.support.TestDatabase;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only twice over: the bot's runtime role has only SELECT and INSERT on it and owns nothing,
 * so it can neither change rows nor switch off or remove what guards them; and the triggers refuse a change even to
 * the owner.
 */
class AuditLogTest {

    private final TestApp app = new TestApp();
    private final Organization clinic = app.fixtures.org("AUD1", OrganizationKind.CLINIC);
    private final Account admin =
            app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();

    @Test
    void rows_written_together_keep_every_character_their_order_and_their_nulls() {
        // Written as one array per column: nothing in a value may be read as array syntax or as NULL.
        java.util.List<String> reasons = java.util.List.of(
                "NULL", "a \"quoted\", {braced} value\\ with a backslash", "", "Åsa Ødegård ✓ 👩‍⚕️", "{}");
        java.util.List<AuditLog.Row> rows = new java.util.ArrayList<>();
        for (String reason : reasons) {
            rows.add(new AuditLog.Row(
                    new AuditLog.Subject(admin.id(), admin.username(), clinic.id(), clinic.code()),
                    reason,
                    Map.of("note", new Change(null, reason))));
        }
        rows.add(new AuditLog.Row(AuditLog.Subject.NONE, null, Map.of()));
        Actor actor = as(admin);

        new AuditLog(app.dsl).doneEach(actor, admin.username(), AuditAction.EDIT, rows);

        var written = app.auditOf(actor);
        assertThat(written)
                .extracting(AuditEntry::reason)
                .containsExactly(reasons.get(0), reasons.get(1), reasons.get(2), reasons.get(3), reasons.get(4), null);
        assertThat(written.subList(0, reasons.size()))
                .extracting(e -> e.changes().get("note").after())
                .containsExactlyElementsOf(reasons);
        assertThat(written.get(reasons.size()).targetAccountId()).isNull();
        assertThat(written.get(reasons.size()).changes()).isEmpty();
    }

    @Test
    void the_runtime_role_can_neither_rewrite_history_nor_take_its_guards_away_and_the_bot_still_works() {
        Assumptions.assumeTrue(TestDatabase.twoRoles(), "the test server gave one role for both");
        Account target = app.fixtures.account(clinic).locked().create();
        app.accounts.unlock().execute(as(admin), target.username());
        int rows = app.dsl.fetchCount(AUDIT_EVENT);

        Map<String, String> attempts = new LinkedHashMap<>();
        attempts.put("UPDATE", "update audit_event set outcome = 'REFUSED'");
        attempts.put("DELETE", "delete from audit_event");
        attempts.put("TRUNCATE", "truncate audit_event");
        attempts.put("DISABLE TRIGGER", "alter table audit_event disable trigger audit_event_no_update_or_delete");
        attempts.put("DROP TRIGGER", "drop trigger audit_event_no_update_or_delete on audit_event");
        attempts.put("DROP TABLE", "drop table audit_event");
        attempts.forEach((what, sql) -> assertThatThrownBy(() -> app.dsl.execute(sql))
                .as(what)
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(((DataAccessException) e).sqlState())
                        .as(what + " is refused for want of privilege")
                        .isEqualTo("42501")));

        assertThat(app.dsl.fetchCount(AUDIT_EVENT)).isEqualTo(rows);
        assertThat(app.dsl.fetchCount(
                        DSL.table("pg_tables"), DSL.field("tableowner").eq(DSL.field("current_user"))))
                .as("the runtime role owns no table")
                .isZero();
        assertThat(app.dsl.fetch("select table_name, privilege_type from information_schema.table_privileges"
                        + " where grantee = current_user and privilege_type in ('TRUNCATE', 'TRIGGER', 'REFERENCES')"
                        + " or (grantee = current_user and table_name = 'audit_event'"
                        + " and privilege_type not in ('SELECT', 'INSERT'))"))
                .as("no TRUNCATE, TRIGGER or REFERENCES anywhere, and on audit_event only SELECT and INSERT")
                .isEmpty();

        Account another = app.fixtures.account(clinic).locked().create();
        assertThat(app.accounts.unlock().execute(as(admin), another.username()).locked())
                .as("the bot still works")
                .isFalse();
        assertThat(app.auditOf(another)).singleElement().satisfies(e -> assertThat(e.outcome())
                .isEqualTo(AuditEntry.Outcome.DONE));
    }

    @Test
    void the_database_refuses_to_change_or_remove_audit_rows_even_for_the_owner() {
        Account target = app.fixtures.account(clinic).locked().create();
        app.accounts.unlock().execute(as(admin), target.username());
        DSLContext owner = DSL.using(TestDatabase.asOwner(app.dataSource), SQLDialect.POSTGRES);
        int rows = owner.fetchCount(AUDIT_EVENT);
        assertThat(rows).isEqualTo(1);

        assertThatThrownBy(() -> owner.update(AUDIT_EVENT)
                        .set(AUDIT_EVENT.OUTCOME, "REFUSED")
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.deleteFrom(AUDIT_EVENT).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.truncate(AUDIT_EVENT).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(owner.fetchCount(AUDIT_EVENT)).isEqualTo(rows);
        assertThat(app.auditOf(target)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.actorSlackUserId()).isEqualTo("U" + admin.id());
        });
    }
}
