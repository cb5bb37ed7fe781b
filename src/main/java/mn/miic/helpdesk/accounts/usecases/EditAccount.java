package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import java.util.Map;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountFormValidator;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.Emails;
import mn.miic.helpdesk.accounts.store.DuplicateAccountField;
import mn.miic.helpdesk.accounts.store.OffboardingRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.outbox.Owed;

/**
 * The guide's Edit User form. A status or lock switch here follows the same rules as the dedicated actions; a change
 * made by someone else since the form opened is refused rather than overwritten.
 */
public final class EditAccount {

    private final AccountTransactions transactions;
    private final AccessPolicy policy;
    private final Clock clock;

    public EditAccount(AccountTransactions transactions, AccessPolicy policy, Clock clock) {
        this.transactions = transactions;
        this.policy = policy;
        this.clock = clock;
    }

    public record Result(Account account, Map<String, Change> changes) {
        public boolean changedAnything() {
            return !changes.isEmpty();
        }
    }

    public Result execute(Actor actor, String username, AccountEdit edit) {
        return transactions.run(actor, AuditAction.EDIT, unit -> {
            var requester = unit.requester();
            policy.requireManager(requester, "edit users");
            policy.requireOverrideOnlyByHelpDesk(requester, edit.overrideReason());
            Account before = unit.lockTargetAndItsLocation(username);
            policy.requireCanManage(requester, before, username, "edit users");
            if (before.version() != edit.expectedVersion()) {
                throw Refusal.changedBySomeoneElse();
            }
            policy.requireOutranksOrEquals(requester, before, "edit");
            Organization org = unit.organizationOf(before);
            AccountDetails details = AccountFormValidator.validate(
                    edit.form(),
                    code -> unit.organizations.findByCode(code).map(Organization::id),
                    policy.today(),
                    before.accessUntil());

            Account wanted = before.withDetails(details);
            if (!details.role().equals(before.role())) {
                policy.requireNotSelf(requester, before, "change the role of");
                policy.requireCanGrant(requester, details.role(), org);
            }
            for (Long extra : details.additionalOrganizationIds()) {
                if (!before.additionalOrganizationIds().contains(extra)
                        && !requester.reach().includes(extra)) {
                    throw Refusal.notAllowed("You can only give access to organizations whose users you manage.");
                }
            }
            if (edit.locked() != before.locked()) {
                if (edit.locked()) {
                    policy.requireNotSelf(requester, before, "lock");
                }
                wanted = wanted.withLocked(edit.locked());
            }
            if (edit.active() != before.isActive()) {
                if (edit.active()) {
                    if (wanted.accessEnded(policy.today())) {
                        // Active again with the old last day would be inactivated again by the next sweep.
                        throw InvalidInput.of(
                                AccountFields.ACCESS_UNTIL,
                                "This account's access ended on " + wanted.accessUntil() + ". To reactivate it, give a"
                                        + " new last day of access, or leave it empty for no end.");
                    }
                    wanted = wanted.withStatus(AccountStatus.ACTIVE, clock.instant(), null);
                } else {
                    policy.requireNotSelf(requester, before, "inactivate");
                    String why = InactivateAccount.describe(edit.inactivationReason(), edit.inactivationNote());
                    wanted = wanted.withStatus(AccountStatus.INACTIVE_MANUAL, clock.instant(), why);
                    if (InactivateAccount.leaving(edit.inactivationReason())) {
                        wanted = wanted.withDetails(InactivateAccount.withoutOtherOrganizations(wanted.details()));
                    }
                }
            }
            policy.requireStaffingKept(requester, StaffingCheck.of(unit, before, wanted), edit.overrideReason());

            if (!details.username().equalsIgnoreCase(before.username())
                    && unit.accounts.isUsernameTaken(details.username())) {
                throw UsernameSuggestions.taken(unit, details.username(), details.name());
            }
            if (details.email() != null && unit.accounts.isEmailTaken(details.email(), before.id())) {
                throw UsernameSuggestions.emailTaken();
            }
            Map<String, Change> changes = AccountDiff.between(before, wanted, AddAccount.orgCodes(unit));
            if (changes.isEmpty()) {
                return new Result(before, changes);
            }
            if (!Emails.same(before.email(), wanted.email())) {
                unit.accounts
                        .slackUserOf(before.id())
                        .ifPresent(slackUser -> changes.put("slack_link", new Change(slackUser, null)));
            }
            Account after;
            try {
                after = unit.accounts.update(before, wanted, requester.account().id());
            } catch (DuplicateAccountField e) {
                throw e.field() == DuplicateAccountField.Field.USERNAME
                        ? UsernameSuggestions.taken(unit, details.username(), details.name())
                        : UsernameSuggestions.emailTaken();
            }
            unit.about(after);
            boolean left =
                    !after.isActive() && before.isActive() && InactivateAccount.leaving(edit.inactivationReason());
            if (left) {
                changes.putAll(InactivateAccount.offboard(unit, before, after));
            } else if (after.isActive() && !before.isActive()) {
                new OffboardingRepository(unit.dsl()).forget(after.id());
            }
            unit.done(InactivateAccount.overrideNote(edit.overrideReason()), changes);
            if (left) {
                return new Result(after, changes);
            }
            unit.owe(new Owed.ChangeNotice(
                    after.id(),
                    requester.account().id(),
                    "was changed ("
                            + String.join(
                                    ", ",
                                    changes.keySet().stream()
                                            .map(k -> k.replace('_', ' '))
                                            .toList())
                            + ")"));
            return new Result(after, changes);
        });
    }
}
