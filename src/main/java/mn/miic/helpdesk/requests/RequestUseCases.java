package mn.miic.helpdesk.requests;

import java.time.Clock;
import java.time.Duration;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.usecases.AccountUseCases;
import org.jooq.DSLContext;

/** Every request use case, built once. */
public record RequestUseCases(
        AskForHelp ask,
        AskHelpDesk askHelpDesk,
        DecideRequest decide,
        EscalateRequests escalate,
        ExpireRequests expire,
        RequestQueue queue,
        ReadRequestFigures figures) {

    /** How requests behave; from the configuration. */
    public record Settings(Duration escalateAfter, int perDay, Duration lifetime, Duration inactivityPeriod) {}

    public static RequestUseCases create(
            DSLContext dsl, AccountUseCases accounts, AccessPolicy policy, Clock clock, Settings settings) {
        var transactions = accounts.transactions();
        return new RequestUseCases(
                new AskForHelp(dsl, transactions, clock, settings.escalateAfter(), settings.perDay()),
                new AskHelpDesk(dsl, transactions.outbox(), clock, settings.perDay()),
                new DecideRequest(dsl, transactions, accounts, policy, clock),
                new EscalateRequests(dsl, transactions.outbox(), clock, settings.escalateAfter()),
                new ExpireRequests(dsl, transactions.outbox(), clock, settings.lifetime()),
                new RequestQueue(transactions, clock, settings.inactivityPeriod()),
                new ReadRequestFigures(transactions, clock));
    }
}
