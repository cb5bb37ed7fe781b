package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.outbox.Owed;

/** The guide's "Active to Inactive": the account becomes Inactive Manual, with the reason kept. */
public final class InactivateAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public InactivateAccount(AccountTransactions transactions, AccessPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * @param note free text; required when the reason is {@link InactivationReason#OTHER}
     * @param overrideReason the help desk's written reason to pass the last-administrator guard, or null
     */
    public Account execute(
            Actor actor, String username, InactivationReason reason, String note, String overrideReason) {
        return transactions.run(actor, AuditAction.INACTIVATE, unit -> {
            var requester = unit.requester();
            policy.requireManager(requester, "inactivate accounts");
            policy.requireOverrideOnlyByHelpDesk(requester, overrideReason);
            Account before = unit.lockTarget(username);
            policy.requireCanManage(requester, before, username, "inactivate accounts");
            policy.requireNotSelf(requester, before, "inactivate");
            policy.requireOutranksOrEquals(requester, before, "inactivate");
            policy.requireActive(before);
            String why = describe(reason, note);
            Account wanted = before.withStatus(AccountStatus.INACTIVE_MANUAL, clock.instant(), why);
            policy.requireStaffingKept(requester, StaffingCheck.of(unit, before, wanted), overrideReason);
            Account after =
                    unit.accounts.update(before, wanted, requester.account().id());
            unit.done(overrideNote(overrideReason), AccountDiff.between(before, after, a -> null));
            unit.owe(new Owed.ChangeNotice(
                    after.id(),
                    requester.account().id(),
                    "was inactivated (" + lowerFirst(after.inactivationReason()) + ")"));
            return after;
        });
    }

    /** "Other: Left for…" as part of a sentence: only the reason's own first letter lowered, the note as typed. */
    private static String lowerFirst(String reason) {
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    static String describe(InactivationReason reason, String note) {
        if (reason == null) {
            throw InvalidInput.of(AccountFields.INACTIVATION_REASON, "Choose why the account is inactivated.");
        }
        String text = note == null ? "" : note.trim();
        if (reason == InactivationReason.OTHER && text.isEmpty()) {
            throw InvalidInput.of(
                    AccountFields.INACTIVATION_REASON, "Say in a few words why the account is" + " inactivated.");
        }
        if (text.length() > 250) {
            throw InvalidInput.of(AccountFields.INACTIVATION_REASON, "Keep the reason under 250 characters.");
        }
        return text.isEmpty() ? reason.label() : reason.label() + ": " + text;
    }

    static String overrideNote(String overrideReason) {
        return overrideReason == null || overrideReason.isBlank()
                ? null
                : "help desk override: " + overrideReason.trim();
    }
}
