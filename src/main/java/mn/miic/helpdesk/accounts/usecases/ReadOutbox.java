package mn.miic.helpdesk.accounts.usecases;

import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.OutboxStatus;

/**
 * The help desk looks at what the bot owes people: how many messages are in each state, and the ones waiting or that
 * did not end delivered, with why. Never a message's content or secret.
 */
public final class ReadOutbox {

    /** What the help desk sees. */
    public record Report(Map<OutboxStatus, Integer> counts, List<Outbox.Entry> troubles) {}

    private final AccountTransactions transactions;

    ReadOutbox(AccountTransactions transactions) {
        this.transactions = transactions;
    }

    public Report execute(Actor actor) {
        return transactions.run(actor, AuditAction.READ_OUTBOX, unit -> {
            if (!unit.requester().isHelpDesk() || !unit.requester().account().isInGoodStanding()) {
                throw Refusal.notAllowed("Only the MIIC help desk looks at the messages the bot owes people.");
            }
            Outbox outbox = transactions.outbox();
            Report report = new Report(outbox.countsByStatus(), outbox.troubles(10));
            unit.done(null, Map.of());
            return report;
        });
    }
}
