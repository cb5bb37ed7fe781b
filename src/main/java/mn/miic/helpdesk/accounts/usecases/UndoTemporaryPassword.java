package mn.miic.helpdesk.accounts.usecases;

import java.util.Map;
import java.util.Objects;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.store.Credential;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.outbox.Owed;
import mn.miic.helpdesk.outbox.OwedMessage;
import mn.miic.helpdesk.outbox.PasswordUndo;

/**
 * Takes back a temporary password nobody received: the password the account had before works again (after an add:
 * no password at all). Only while the account still has that very temporary password, compared by its hash: a
 * sign-in attempt, an edit or an unlock in between do not stop it, a new password does. It is the delivery's own
 * compensation, done for the administrator who issued it, and audited as theirs.
 */
public final class UndoTemporaryPassword implements PasswordUndo {

    private final AccountTransactions transactions;

    public UndoTemporaryPassword(AccountTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public Undone undo(OwedMessage message, Owed.TemporaryPassword password, String why) {
        Actor actor = new Actor(
                password.issuedBy(),
                password.issuedBySlackUserId(),
                message.requestId() == null ? "outbox:" + message.id() : message.requestId());
        try {
            Account after = execute(actor, password, why);
            return new Undone(
                    true,
                    "undone (" + why + "): "
                            + (password.previousHash() == null
                                    ? "the account has no password yet"
                                    : "the previous password works again")
                            + " for " + after.username());
        } catch (Refusal refusal) {
            return new Undone(false, "not undone (" + why + "): " + refusal.getMessage());
        }
    }

    public Account execute(Actor actor, Owed.TemporaryPassword password, String why) {
        return transactions.run(actor, AuditAction.UNDO_TEMPORARY_PASSWORD, unit -> {
            Account found = unit.accounts
                    .findById(password.accountId())
                    .orElseThrow(() -> Refusal.notFound("#" + password.accountId()));
            Account target = unit.lockTarget(found.username());
            Credential now = unit.accounts.credential(target.id());
            if (!Objects.equals(now.passwordHash(), password.issuedHash())) {
                throw Refusal.wrongState("Its password was changed since the temporary one was issued, so that one"
                        + " is gone already and nothing was undone.");
            }
            unit.accounts.setCredential(
                    target.id(),
                    new Credential(
                            password.previousHash(), password.previousExpiresAt(), password.previousMustChange()),
                    password.issuedBy());
            unit.accounts.removeFromHistory(password.historyEntryId());
            unit.done(
                    why,
                    Map.of(
                            "password",
                            new Change(
                                    "temporary",
                                    password.previousHash() == null ? "none" : "previous password restored")));
            return unit.accounts.findById(target.id()).orElseThrow();
        });
    }
}
