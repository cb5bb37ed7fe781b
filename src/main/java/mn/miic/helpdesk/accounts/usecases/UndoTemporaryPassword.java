package mn.miic.helpdesk.accounts.usecases;

import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;

/**
 * Puts back the password an account had before a temporary one that could not be delivered, so the old password keeps
 * working (after an add: no password at all). Refused when the account changed since, so a later change is never lost.
 */
public final class UndoTemporaryPassword {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;

    public UndoTemporaryPassword(AccountTransactions transactions, AccessPolicy policy) {
        this.transactions = transactions;
        this.policy = policy;
    }

    public Account execute(Actor actor, PasswordIssue issue, String why) {
        return transactions.run(actor, AuditAction.UNDO_TEMPORARY_PASSWORD, unit -> {
            var requester = unit.requester();
            if (requester.account().id() != issue.issuedBy()) {
                throw Refusal.notAllowed("Only the administrator who issued a temporary password can undo it.");
            }
            Account target = unit.lockTarget(issue.username());
            if (target.id() != issue.accountId()) {
                throw Refusal.changedBySomeoneElse();
            }
            policy.requireCanManage(requester, target, issue.username(), "undo a password reset");
            if (target.version() != issue.versionAfter()) {
                throw Refusal.changedBySomeoneElse();
            }
            unit.accounts.setCredential(
                    target.id(), issue.previous(), requester.account().id());
            unit.accounts.removeFromHistory(issue.historyEntryId());
            unit.done(
                    why,
                    Map.of(
                            "password",
                            new Change(
                                    "temporary",
                                    issue.previous().passwordHash() == null ? "none" : "previous password restored")));
            return unit.accounts.findById(target.id()).orElseThrow();
        });
    }
}
