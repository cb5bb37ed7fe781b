package mn.miic.helpdesk.accounts.usecases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/**
 * A read's audit row commits without waiting for the disk; a change's commit stays durable. What PostgreSQL itself
 * says the transaction's setting is, as the use case runs.
 */
class ReadCommitsTest {

    private final TestApp app = new TestApp();
    private final Account admin = app.fixtures
            .account(app.fixtures.org("RDC1", OrganizationKind.CLINIC))
            .role(Role.ADMINISTRATOR)
            .create();
    private final AccountTransactions transactions = new AccountTransactions(app.dsl, app.application.outbox());

    private String commitSettingDuring(AuditAction action) {
        return transactions.<String>run(Actor.account(admin.id()), action, unit -> setting(unit.dsl()));
    }

    private static String setting(org.jooq.DSLContext dsl) {
        return dsl.fetchSingle("select current_setting('synchronous_commit')").get(0, String.class);
    }

    @Test
    void aSearchOrAViewDoesNotWaitForADurableCommit() {
        assertThat(commitSettingDuring(AuditAction.SEARCH)).isEqualTo("off");
        assertThat(commitSettingDuring(AuditAction.VIEW)).isEqualTo("off");
        assertThat(commitSettingDuring(AuditAction.READ_AUDIT)).isEqualTo("off");
    }

    @Test
    void everyChangeCommitsDurably() {
        for (AuditAction change :
                Arrays.stream(AuditAction.values()).filter(a -> !a.onlyReads()).toList()) {
            assertThat(commitSettingDuring(change)).as(change.name()).isEqualTo("on");
        }
    }

    @Test
    void theSettingEndsWithTheReadsTransaction() {
        commitSettingDuring(AuditAction.SEARCH);
        // The pool hands the same connection on: a later change must not inherit the read's setting.
        assertThat(commitSettingDuring(AuditAction.UNLOCK)).isEqualTo("on");
        assertThat(setting(app.dsl)).isEqualTo("on");
    }

    @Test
    void theActionsThatOnlyReadAreTheReadsByName() {
        assertThat(Arrays.stream(AuditAction.values()).filter(AuditAction::onlyReads))
                .allMatch(a -> a.name().startsWith("READ_") || a == AuditAction.SEARCH || a == AuditAction.VIEW)
                .contains(AuditAction.READ_DUA, AuditAction.READ_REVIEW, AuditAction.READ_FIGURES);
    }
}
