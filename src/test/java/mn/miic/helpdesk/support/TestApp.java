package mn.miic.helpdesk.support;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import mn.miic.helpdesk.Application;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.accounts.usecases.IssuedPassword;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * The account use cases on a fresh database, wired by {@link Application} exactly as {@code Main} wires them (the
 * same {@code DatabaseClock}, over a base the test moves), plus ways to look at what they did.
 */
public final class TestApp {

    public final DataSource dataSource = TestDatabase.fresh();
    /** What a test moves to let time pass. */
    public final MovableClock time = MovableClock.startingNow();

    public final Application application =
            new Application(Config.from(Map.of("DELIVERY_KEY", SlackHarness.TEST_DELIVERY_KEY)), dataSource, time);
    /** The application's clock: where a test reads "now", as the code does. */
    public final Clock clock = application.clock();

    public final DSLContext dsl = application.dsl();
    public final PasswordHasher hasher = new PasswordHasher();
    public final AccountUseCases accounts = application.accounts();
    public final Fixtures fixtures = new Fixtures(dsl);

    public Account reload(Account account) {
        return new AccountRepository(dsl).findById(account.id()).orElseThrow();
    }

    public String passwordHash(Account account) {
        return new AccountRepository(dsl).credential(account.id()).passwordHash();
    }

    public List<AuditEntry> auditOf(Account account) {
        return new AuditLog(dsl).forAccount(account.id(), 100);
    }

    public List<AuditEntry> auditOf(Actor actor) {
        return new AuditLog(dsl).forRequest(actor.requestId());
    }

    /** The delivery a reset or an add owes, as the outbox holds it (what an undo works from). */
    public Owed.TemporaryPassword delivery(IssuedPassword issued) {
        return (Owed.TemporaryPassword)
                application.outbox().find(issued.delivery()).orElseThrow().owed();
    }

    public static Actor as(Account account) {
        return Actor.account(account.id(), "U" + account.id());
    }
}
