package mn.miic.helpdesk.accounts.usecases;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditEntry;
import mn.miic.helpdesk.audit.AuditLog;

/** An account's recent history for its administrators: changes and refused attempts, not every look at it. */
public final class ReadAuditTrail {

    private static final Set<AuditAction> READS =
            EnumSet.of(AuditAction.SEARCH, AuditAction.VIEW, AuditAction.READ_AUDIT, AuditAction.SWITCH_ORGANIZATION);

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    ReadAuditTrail(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    public record Trail(Account account, List<AuditEntry> entries) {}

    public Trail execute(Actor actor, String username, int limit) {
        return transactions.run(actor, AuditAction.READ_AUDIT, unit -> {
            unit.about(username);
            var requester = unit.requester();
            policy.requireManager(requester, "read the audit log");
            Account target = unit.accounts().findByUsername(username).orElseThrow(() -> Refusal.notFound(username));
            policy.requireInScope(requester, target, username);
            unit.about(target);
            List<AuditEntry> entries = new AuditLog(unit.dsl())
                    .forAccount(target.id(), 200).stream()
                            .filter(e -> e.outcome() == AuditEntry.Outcome.REFUSED || !READS.contains(e.action()))
                            .limit(limit)
                            .toList();
            unit.done(null, Map.of());
            return new Trail(target, entries);
        });
    }
}
