package mn.miic.helpdesk.accounts.usecases;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.AuditLog;
import mn.miic.helpdesk.db.OnceKeys;
import mn.miic.helpdesk.observability.Meters;
import mn.miic.helpdesk.outbox.Outbox;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/**
 * Runs a use case as one transaction: the change, its audit row and the messages it owes commit together. A refusal
 * rolls everything back and is then written to the audit log in a transaction of its own, so every decision leaves a
 * row. Once committed, the messages owed are handed to the outbox's worker at once.
 */
public final class AccountTransactions {

    private final DSLContext dsl;
    private final Outbox outbox;
    private volatile Consumer<List<Long>> committed = ids -> {};

    public AccountTransactions(DSLContext dsl, Outbox outbox) {
        this.dsl = dsl;
        this.outbox = outbox;
    }

    /** Who hears of the messages a committed use case owes (the outbox's worker); set once at wiring. */
    public void whenCommitted(Consumer<List<Long>> deliver) {
        this.committed = deliver;
    }

    public Outbox outbox() {
        return outbox;
    }

    public <T> T run(Actor actor, AuditAction action, Function<UnitOfWork, T> work) {
        AtomicReference<UnitOfWork> last = new AtomicReference<>();
        try {
            T result = dsl.transactionResult(cfg -> {
                if (action.onlyReads()) {
                    // A read's audit row does not wait for the disk: it commits at once and reaches it within
                    // PostgreSQL's wal_writer_delay (three times it at most). A crash in that moment can lose the
                    // rows of the last reads, never a change: every change commits durably, and its commit flushes
                    // every row written before it.
                    cfg.dsl().execute("set local synchronous_commit = off");
                }
                UnitOfWork unit = new UnitOfWork(cfg.dsl(), actor, action, outbox);
                last.set(unit);
                if (actor.onceKey() != null && !new OnceKeys(cfg.dsl()).claim(actor.onceKey())) {
                    throw Refusal.alreadyDone();
                }
                return work.apply(unit);
            });
            Meters.useCase(action.name(), "done");
            committed.accept(last.get().owedIds());
            return result;
        } catch (Refusal refusal) {
            Meters.useCase(action.name(), "refused");
            recordRefusal(actor, action, last.get(), refusal);
            throw refusal;
        }
    }

    private void recordRefusal(Actor actor, AuditAction action, UnitOfWork unit, Refusal refusal) {
        AuditLog.Subject subject = unit == null ? AuditLog.Subject.NONE : unit.subject();
        String actorUsername = unit == null ? null : unit.requester().account().username();
        try {
            dsl.transaction(cfg ->
                    new AuditLog(cfg.dsl()).refused(actor, actorUsername, action, subject, refusal.getMessage()));
        } catch (DataAccessException e) {
            // The refusal still stands; losing its audit row must not turn a "no" into a crash.
            refusal.addSuppressed(e);
        }
    }
}
