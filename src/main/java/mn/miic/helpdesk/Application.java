package mn.miic.helpdesk;

import java.time.Clock;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.password.PasswordHasher;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import mn.miic.helpdesk.config.Config;
import mn.miic.helpdesk.db.Migrations;
import mn.miic.helpdesk.web.WebServer;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

/** The bot, wired by hand from its configuration, a database and a clock; tests build it the same way. */
public final class Application {

    private final AccountUseCases accounts;
    private final WebServer web;

    public Application(Config config, javax.sql.DataSource dataSource, Clock clock) {
        DSLContext dsl = DSL.using(dataSource, SQLDialect.POSTGRES);
        AccessPolicy policy = new AccessPolicy(clock, config.duaValidFor());
        this.accounts = AccountUseCases.create(dsl, policy, new PasswordHasher(), config.passwordSettings(), clock);
        Migrations migrations = new Migrations(dataSource);
        this.web = new WebServer(() -> isReady(dsl, migrations));
    }

    public AccountUseCases accounts() {
        return accounts;
    }

    public Application start(int port) {
        web.start(port);
        return this;
    }

    public int port() {
        return web.port();
    }

    public void stop() {
        web.stop();
    }

    private static boolean isReady(DSLContext dsl, Migrations migrations) {
        try {
            dsl.selectOne().fetch();
            return migrations.isUpToDate();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
