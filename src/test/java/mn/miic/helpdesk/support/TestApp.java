package mn.miic.helpdesk.support;

import java.util.List;
import javax.sql.DataSource;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.password.PasswordSettings;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The account use cases on a fresh database with a test clock, plus ways to look at what they did. */
public final class TestApp {

    public final DataSource dataSource = TestDatabase.fresh();
    public final DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
    public final MutableClock clock = MutableClock.standard();
    public final AccessPolicy policy = new AccessPolicy(clock, java.time.Period.ofYears(3));
    public final PasswordHasher hasher = new PasswordHasher();
    public final AccountUseCases accounts =
            AccountUseCases.create(dsl, policy, hasher, PasswordSettings.DEFAULTS, clock);
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

    public static Actor as(Account account) {
        return Actor.account(account.id(), "U" + account.id());
    }
}
