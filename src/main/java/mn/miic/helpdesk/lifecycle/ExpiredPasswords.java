package mn.miic.helpdesk.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationRepository;
import mn.miic.helpdesk.outbox.Outbox;
import mn.miic.helpdesk.outbox.Owed;
import org.jooq.DSLContext;

/**
 * The owner of a password that expired hears it once per expiry, with a way to ask for a new one: an unused temporary
 * password no longer signs in at all, and someone whose ordinary password expired may not remember it. The sweep
 * finds expiries; the sign-in page's refusal of an expired temporary password tells at once. Each claim, its audit
 * row and the notice owed share the caller's transaction.
 */
public final class ExpiredPasswords {

    private final Outbox outbox;

    public ExpiredPasswords(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Tells the owners of up to {@code limit} passwords that expired after {@code since}; returns how many. */
    public int tellBatch(DSLContext tx, Actor actor, Instant since, Instant now, int limit) {
        var expired = new LifecycleRepository(tx).claimExpiredPasswords(since, now, limit);
        record(tx, actor, expired);
        return expired.size();
    }

    /** Tells the owner of this account that its password expired, unless they were told of this expiry already. */
    public void tellOne(DSLContext tx, Actor actor, long accountId, Instant now) {
        new LifecycleRepository(tx).claimExpiredPassword(accountId, now).ifPresent(e -> record(tx, actor, List.of(e)));
    }

    private void record(DSLContext tx, Actor actor, List<LifecycleRepository.ExpiredPassword> expired) {
        if (expired.isEmpty()) {
            return;
        }
        Map<Long, Organization> orgs = new OrganizationRepository(tx)
                .byId(expired.stream()
                        .map(LifecycleRepository.ExpiredPassword::organizationId)
                        .distinct()
                        .toList());
        AuditLog audit = new AuditLog(tx);
        Outbox.Options options = Outbox.Options.none().tracing(actor.requestId());
        for (var e : expired) {
            Organization org = orgs.get(e.organizationId());
            audit.done(
                    actor,
                    null,
                    AuditAction.PASSWORD_EXPIRED_NOTICE,
                    new AuditLog.Subject(e.accountId(), e.username(), org.id(), org.code()),
                    (e.temporary() ? "temporary password expired unused at " : "password expired at ") + e.expiresAt(),
                    Map.of());
            outbox.owe(tx, new Owed.PasswordExpired(e.accountId(), e.expiresAt(), e.temporary()), options);
        }
    }
}
