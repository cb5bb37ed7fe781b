package mn.miic.helpdesk.accounts.usecases;

import static mn.miic.helpdesk.support.TestApp.as;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A plaintext password is never stored in any table or written to any log line (SPEC 2.3). */
class PlaintextPasswordTest {

    private final TestApp app = new TestApp();

    @Test
    void temporary_passwords_appear_in_no_table_no_audit_row_and_no_log_line() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level level = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try {
            var clinic = app.fixtures.org("PLAIN1", OrganizationKind.CLINIC);
            Account admin =
                    app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
            List<String> secrets = new ArrayList<>();
            var added = app.accounts
                    .add()
                    .execute(
                            as(admin),
                            null,
                            Forms.newUser("Lone", "Star", "lonestar", RoleAssignment.of(Role.TYPICAL_USER)));
            secrets.add(added.password().reveal());
            var reset = app.accounts.reset().execute(as(admin), "lonestar");
            secrets.add(reset.password().reveal());
            app.accounts.undoTemporaryPassword().execute(as(admin), app.delivery(reset), "no DM");

            String everything = app.dsl
                    .fetch("select string_agg(t::text, '|') from ("
                            + " select a::text as t from account a union all"
                            + " select h::text from password_history h union all"
                            + " select e::text from audit_event e union all"
                            + " select m::text from outbox_message m union all"
                            + " select o::text from organization o) x")
                    .get(0)
                    .get(0, String.class);
            assertThat(everything).contains("lonestar").contains("$argon2id$");
            for (String secret : secrets) {
                assertThat(everything).doesNotContain(secret);
                assertThat(logs.list)
                        .noneSatisfy(e -> assertThat(e.getFormattedMessage()).contains(secret));
                assertThat(added.toString() + reset.toString()).doesNotContain(secret);
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
    }
}
