package mn.miic.helpdesk.accounts.usecases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import mn.miic.helpdesk.accounts.access.AccessPolicy;
import mn.miic.helpdesk.accounts.access.InvalidInput;
import mn.miic.helpdesk.accounts.access.Refusal;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountDetails;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountStatus;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.store.OffboardingRepository;
import mn.miic.helpdesk.audit.Actor;
import mn.miic.helpdesk.audit.AuditAction;
import mn.miic.helpdesk.audit.Change;
import mn.miic.helpdesk.organizations.Organization;
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
        return execute(actor, username, reason, note, overrideReason, Together.NOTHING);
    }

    /** @param together what commits with this inactivation or not at all (an access review's decision) */
    public Account execute(
            Actor actor,
            String username,
            InactivationReason reason,
            String note,
            String overrideReason,
            Together together) {
        // Someone who left the site is offboarded: inactivated, out of every other organization, unlinked from Slack.
        boolean leaving = leaving(reason);
        return transactions.run(actor, leaving ? AuditAction.OFFBOARD : AuditAction.INACTIVATE, unit -> {
            var requester = unit.requester();
            policy.requireManager(requester, "inactivate accounts");
            policy.requireOverrideOnlyByHelpDesk(requester, overrideReason);
            Account before = unit.lockTargetAndItsLocation(username, together);
            if (!together.claim(unit)) {
                throw Refusal.alreadyDone();
            }
            policy.requireCanManage(requester, before, username, "inactivate accounts");
            policy.requireNotSelf(requester, before, "inactivate");
            policy.requireOutranksOrEquals(requester, before, "inactivate");
            policy.requireActive(before);
            String why = describe(reason, note);
            Account wanted = before.withStatus(AccountStatus.INACTIVE_MANUAL, clock.instant(), why);
            if (leaving) {
                wanted = wanted.withDetails(withoutOtherOrganizations(wanted.details()));
            }
            policy.requireStaffingKept(requester, StaffingCheck.of(unit, before, wanted), overrideReason);
            Account after =
                    unit.accounts.update(before, wanted, requester.account().id());
            Map<String, Change> changes =
                    new LinkedHashMap<>(AccountDiff.between(before, after, AddAccount.orgCodes(unit)));
            if (leaving) {
                changes.putAll(offboard(unit, before, after));
            } else {
                unit.owe(new Owed.ChangeNotice(
                        after.id(),
                        requester.account().id(),
                        "was inactivated (" + lowerFirst(after.inactivationReason()) + ")"));
            }
            unit.done(overrideNote(overrideReason), changes);
            together.then(unit);
            return after;
        });
    }

    /**
     * What leaving adds to the inactivation, in its transaction: the account is marked offboarded (so that the bot
     * does not find it in Slack by its email again), loses its Slack link and its switch to another organization, and
     * the administrators of every organization it worked in hear of it. The owner is not told: they left.
     */
    static Map<String, Change> offboard(UnitOfWork unit, Account before, Account after) {
        long by = unit.requester().account().id();
        List<Organization> removed = unit.organizations.findAllById(before.additionalOrganizationIds());
        String codes = removed.isEmpty()
                ? null
                : removed.stream().map(Organization::code).collect(Collectors.joining(", "));
        OffboardingRepository offboardings = new OffboardingRepository(unit.dsl());
        offboardings.record(after.id(), by, codes);
        if (before.currentOrganizationId() != null) {
            unit.accounts.setCurrentOrganization(after.id(), null);
        }
        Map<String, Change> changes = new LinkedHashMap<>();
        offboardings.dropSlackLink(after.id()).ifPresent(u -> changes.put("slack_user", new Change(u, null)));
        List<Long> worked = new ArrayList<>(List.of(before.organizationId()));
        worked.addAll(before.additionalOrganizationIds());
        for (long administrator : offboardings.managersIn(worked, by)) {
            unit.owe(new Owed.Offboarded(after.id(), by, administrator, codes));
        }
        return changes;
    }

    /** The guide's "No longer works for this site": the person left, and is offboarded. */
    static boolean leaving(InactivationReason reason) {
        return reason == InactivationReason.NO_LONGER_WORKS_HERE;
    }

    static AccountDetails withoutOtherOrganizations(AccountDetails d) {
        return new AccountDetails(
                d.username(), d.name(), d.role(), d.phone(), d.email(), d.userDuaDate(), Set.of(), d.accessUntil());
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
