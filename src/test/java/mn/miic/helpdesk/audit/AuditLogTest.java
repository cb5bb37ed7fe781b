package mn.miic.helpdesk.audit;

import static mn.miic.helpdesk.db.jooq.Tables.AUDIT_EVENT;
import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.Test;

class AuditLogTest {

    private final TestApp app = new TestApp();

    @Test
    void the_database_refuses_to_change_or_remove_audit_rows() {
        var clinic = app.fixtures.org("AUD1", OrganizationKind.CLINIC);
        Account admin = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account target = app.fixtures.account(clinic).locked().create();
        app.accounts.unlock().execute(as(admin), target.username());
        int rows = app.dsl.fetchCount(AUDIT_EVENT);
        assertThat(rows).isEqualTo(1);

        assertThatThrownBy(() -> app.dsl
                        .update(AUDIT_EVENT)
                        .set(AUDIT_EVENT.OUTCOME, "REFUSED")
                        .execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> app.dsl.deleteFrom(AUDIT_EVENT).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> app.dsl.truncate(AUDIT_EVENT).execute())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(app.dsl.fetchCount(AUDIT_EVENT)).isEqualTo(rows);
        assertThat(app.auditOf(target)).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEntry.Outcome.DONE);
            assertThat(e.occurredAt()).isNotNull();
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.actorSlackUserId()).isEqualTo("U" + admin.id());
        });
    }
}
