package mn.miic.helpdesk.accounts.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.organizations.Organization;

/**
 * Who may do what (SPEC 3), in plain Java. Every use case calls the checks it needs before it changes anything;
 * each check either returns or throws a {@link Refusal} whose message can be shown to the requester as it is. The
 * default is no: a requester must be shown to be a manager in good standing whose scope includes the target. Each rule
 * is stated once, in {@link Rules}; the checks here and what the views offer are both derived from it.
 */
public final class AccessPolicy {

    public static final ZoneId MINNESOTA = ZoneId.of("America/Chicago");
    public static final String HELP_DESK_EMAIL = "health.miichelp@state.mn.us";

    private final Clock clock;
    private final Period duaValidFor;

    public AccessPolicy(Clock clock, Period duaValidFor) {
        this.clock = clock;
        this.duaValidFor = duaValidFor;
    }

    public void requireManager(Requester requester, String whatTheyTried) {
        check(Rules.manager(requester, whatTheyTried));
    }

    public boolean canSee(Requester requester, Account target) {
        return requester.is(target)
                || Rules.first(() -> Rules.manager(requester, "see"), () -> Rules.inScope(requester, target, ""))
                        .isEmpty();
    }

    /** Seeing an account: one's own always; others only as a manager who reaches it (else: as if it did not exist). */
    public void requireCanSee(Requester requester, Account target, String typedUsername) {
        if (!requester.is(target)) {
            requireCanManage(requester, target, typedUsername, "look up other users' accounts");
        }
    }

    /** Acting on another account: a manager in good standing who reaches its organization. */
    public void requireCanManage(Requester requester, Account target, String typedUsername, String whatTheyTried) {
        check(Rules.first(
                () -> Rules.manager(requester, whatTheyTried), () -> Rules.inScope(requester, target, typedUsername)));
    }

    public void requireInScope(Requester requester, Account target, String typedUsername) {
        check(Rules.inScope(requester, target, typedUsername));
    }

    public void requireCanManageOrganization(Requester requester, Organization organization, String whatTheyTried) {
        check(Rules.managesOrganization(requester, organization, whatTheyTried));
    }

    public void requireNotSelf(Requester requester, Account target, String whatTheyTried) {
        check(Rules.notSelf(requester, target, whatTheyTried));
    }

    public void requireCanGrant(Requester requester, RoleAssignment role, Organization organization) {
        check(Rules.canGrant(requester, role, organization));
    }

    public void requireOutranksOrEquals(Requester requester, Account target, String whatTheyTried) {
        check(Rules.outranksOrEquals(requester, target, whatTheyTried));
    }

    public void requireCurrentDua(Organization organization) {
        check(Rules.currentDua(organization, today(), duaValidFor));
    }

    /** @param overrideReason the help desk's written reason, or null */
    public void requireStaffingKept(Requester requester, StaffingChange change, String overrideReason) {
        check(Rules.staffingKept(requester, change, overrideReason));
    }

    public void requireOverrideOnlyByHelpDesk(Requester requester, String overrideReason) {
        check(Rules.overrideOnlyByHelpDesk(requester, overrideReason));
    }

    public void requireLocked(Account target) {
        check(Rules.locked(target));
    }

    public void requireInactive(Account target) {
        check(Rules.inactive(target));
    }

    public void requireActive(Account target) {
        check(Rules.active(target));
    }

    /** What a confirmation or a form is shown after, so that nobody confirms something that would be refused anyway. */
    public void requireMayStart(Requester requester, Account target, String typedUsername, AccountAction action) {
        check(Rules.mayStart(requester, target, typedUsername, action));
    }

    /** The roles this requester may give in an organization, for the menus that offer only those. */
    public List<RoleAssignment> grantableRoles(Requester requester, Organization organization) {
        List<RoleAssignment> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean ordering : new boolean[] {false, true}) {
                RoleAssignment candidate = new RoleAssignment(role, ordering);
                if (Rules.canGrant(requester, candidate, organization).isEmpty()) {
                    roles.add(candidate);
                }
            }
        }
        return roles;
    }

    /**
     * The actions this requester could start on the target now: exactly those whose own checks pass (guards that
     * depend on other accounts, such as the last administrator, are checked when the action runs).
     */
    public Set<AccountAction> allowedActions(Requester requester, Account target) {
        Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
        for (AccountAction action : AccountAction.values()) {
            if (Rules.mayStart(requester, target, target.username(), action).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MINNESOTA);
    }

    /** "Active, Locked": the guide's two columns together. */
    public static String state(Account account) {
        return account.status().label() + ", " + (account.locked() ? "Locked" : "Unlocked");
    }

    private static void check(Optional<Refusal> refusal) {
        if (refusal.isPresent()) {
            throw refusal.get();
        }
    }
}
