package mn.miic.helpdesk.accounts.access;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.organizations.Organization;

/**
 * Who may do what (SPEC 3), in plain Java. Every use case calls the checks it needs before it changes anything;
 * each check either returns or throws a {@link Refusal} whose message can be shown to the requester as it is. The
 * default is no: a requester must be shown to be a manager in good standing whose scope includes the target.
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

    /** Managers in good standing only: the precondition of searching, viewing others, and every change. */
    public void requireManager(Requester requester, String whatTheyTried) {
        Account own = requester.account();
        if (!own.isInGoodStanding()) {
            throw Refusal.notAllowed("Your MIIC account is "
                    + standing(own)
                    + ", so you can only see your own account and ask for help (/miic request)."
                    + " Until it is sorted out you cannot "
                    + whatTheyTried
                    + ".");
        }
        if (!requester.isManager()) {
            throw Refusal.notAllowed("Only a MIIC administrator (Read Only Administrator, Administrator or Health"
                    + " System User) can "
                    + whatTheyTried
                    + ". Your role is "
                    + own.role().label()
                    + "; ask your site's MIIC administrator.");
        }
    }

    public boolean canSee(Requester requester, Account target) {
        return requester.is(target)
                || (requester.account().isInGoodStanding()
                        && requester.isManager()
                        && requester.reach().includes(target.organizationId()));
    }

    /** Seeing an account: one's own always; others only as a manager who reaches it (else: as if it did not exist). */
    public void requireCanSee(Requester requester, Account target, String typedUsername) {
        if (requester.is(target)) {
            return;
        }
        requireManager(requester, "look up other users' accounts");
        requireInScope(requester, target, typedUsername);
    }

    /** Acting on another account: a manager in good standing who reaches its organization. */
    public void requireCanManage(Requester requester, Account target, String typedUsername, String whatTheyTried) {
        requireManager(requester, whatTheyTried);
        requireInScope(requester, target, typedUsername);
    }

    public void requireInScope(Requester requester, Account target, String typedUsername) {
        if (!requester.reach().includes(target.organizationId())) {
            throw Refusal.notFound(typedUsername);
        }
    }

    public void requireCanManageOrganization(Requester requester, Organization organization, String whatTheyTried) {
        requireManager(requester, whatTheyTried);
        if (!requester.reach().includes(organization.id())) {
            throw Refusal.notAllowed("You do not manage the users of " + organization.displayName()
                    + ". Use /miic org to see the organizations you can manage.");
        }
    }

    /** Self-protection: nobody inactivates, locks, demotes or resets themselves through admin commands. */
    public void requireNotSelf(Requester requester, Account target, String whatTheyTried) {
        if (requester.is(target)) {
            throw Refusal.notAllowed("You cannot " + whatTheyTried + " your own account with administrator commands."
                    + " Ask another administrator of your site, or the MIIC help desk.");
        }
    }

    /**
     * No escalation: a role may be given only when all its privileges are the giver's own; Health System User only by a
     * Health System User or the help desk; Ordering only by a role with Ordering. Schools and child care
     * organizations get read-only roles only, whoever gives them.
     */
    public void requireCanGrant(Requester requester, RoleAssignment role, Organization organization) {
        if (organization.kind().readOnlyRolesOnly() && (!role.role().isReadOnly() || role.ordering())) {
            throw Refusal.notAllowed(organization.kind().label() + " organizations such as "
                    + organization.displayName()
                    + " get read-only roles only: choose Read Only or Read Only Administrator, without Ordering.");
        }
        if (requester.isHelpDesk()) {
            return;
        }
        RoleAssignment own = requester.account().role();
        if (role.role() == Role.HEALTH_SYSTEM_USER && own.role() != Role.HEALTH_SYSTEM_USER) {
            throw Refusal.notAllowed(
                    "Only a Health System User or the MIIC help desk can give the Health System" + " User role.");
        }
        if (role.ordering() && !own.ordering()) {
            throw Refusal.notAllowed("Only a user whose own role is \"with Ordering\" can give Ordering.");
        }
        if (!own.covers(role)) {
            throw Refusal.notAllowed("You can only give roles whose privileges you have yourself: a " + own.label()
                    + " cannot give the role " + role.label() + ".");
        }
    }

    /**
     * Changing, inactivating or resetting another administrator's account whose role has privileges the requester lacks
     * would hand those privileges over (a reset delivers the password to the requester when the account has no Slack
     * user), so it takes someone who could have given that role. Staff accounts (roles that do not manage users) are
     * what every site administrator looks after; unlocking and reactivating only restore access and need no rank.
     */
    public void requireOutranksOrEquals(Requester requester, Account target, String whatTheyTried) {
        if (outranks(target, requester)) {
            throw Refusal.notAllowed("You cannot " + whatTheyTried + " " + target.displayName() + ": their role, "
                    + target.role().label() + ", has privileges your role ("
                    + requester.account().role().label()
                    + ") does not. Ask a Health System User or the MIIC help desk.");
        }
    }

    /** New users only under a current Data Use Agreement. */
    public void requireCurrentDua(Organization organization) {
        LocalDate today = today();
        if (organization.duaDate() == null) {
            throw Refusal.notAllowed(organization.displayName() + " has no Data Use Agreement date on file with MIIC,"
                    + " so no users can be added. Contact the MIIC help desk at " + HELP_DESK_EMAIL + ".");
        }
        LocalDate lapsedOn = organization.duaDate().plus(duaValidFor);
        if (!lapsedOn.isAfter(today)) {
            throw Refusal.notAllowed("The Data Use Agreement of " + organization.displayName() + " is dated "
                    + organization.duaDate() + " and lapsed on " + lapsedOn + " (a DUA is valid for "
                    + describe(duaValidFor) + "). No users can be added until it is renewed with MIIC: contact "
                    + HELP_DESK_EMAIL + ".");
        }
    }

    /**
     * The last-administrator guard. Only the help desk may override it, and only with a written reason.
     *
     * @param overrideReason the help desk's written reason, or null
     */
    public void requireStaffingKept(Requester requester, StaffingChange change, String overrideReason) {
        String problem = null;
        if (change.leavesNoManager()) {
            problem = "This would leave " + change.organization().displayName()
                    + " with no active administrator to manage its users.";
        } else if (change.leavesNoHealthSystemUser()) {
            problem = "This would leave " + change.organization().displayName()
                    + ", a parent organization, with no active Health System User.";
        }
        if (problem == null) {
            return;
        }
        boolean hasReason = overrideReason != null && !overrideReason.isBlank();
        if (requester.isHelpDesk() && hasReason) {
            return;
        }
        if (requester.isHelpDesk()) {
            throw Refusal.guard(problem + " To do it anyway, confirm with a written reason.");
        }
        throw Refusal.guard(problem + " Add or activate another administrator first, or ask the MIIC help desk.");
    }

    public void requireOverrideOnlyByHelpDesk(Requester requester, String overrideReason) {
        if (overrideReason != null && !overrideReason.isBlank() && !requester.isHelpDesk()) {
            throw Refusal.notAllowed("Only the MIIC help desk can override a safety rule.");
        }
    }

    // State rules: anything else is answered with the account's real state, and nothing changes.

    public void requireLocked(Account target) {
        if (!target.locked()) {
            throw Refusal.wrongState(
                    target.displayName() + " is not locked (status: " + state(target) + "). Nothing was changed.");
        }
    }

    public void requireInactive(Account target) {
        if (target.isActive()) {
            throw Refusal.wrongState(
                    target.displayName() + " is already active (status: " + state(target) + "). Nothing was changed.");
        }
    }

    public void requireActive(Account target) {
        if (!target.isActive()) {
            throw Refusal.wrongState(target.displayName() + " is already inactive (status: " + state(target)
                    + "). Nothing was changed.");
        }
    }

    /**
     * The checks an action runs on its target before any guard that depends on other accounts: what a confirmation
     * or a form is shown after, so that nobody confirms something that would be refused anyway.
     */
    public void requireMayStart(Requester requester, Account target, String typedUsername, AccountAction action) {
        requireCanManage(requester, target, typedUsername, action.whatTheyTried());
        switch (action) {
            case EDIT -> requireOutranksOrEquals(requester, target, "edit");
            case UNLOCK -> requireLocked(target);
            case REACTIVATE -> requireInactive(target);
            case INACTIVATE -> {
                requireNotSelf(requester, target, "inactivate");
                requireOutranksOrEquals(requester, target, "inactivate");
                requireActive(target);
            }
            case RESET_PASSWORD -> {
                requireNotSelf(requester, target, "reset the password of");
                requireOutranksOrEquals(requester, target, "reset the password of");
            }
        }
    }

    /** The roles this requester may give in an organization, for the menus that offer only those. */
    public List<RoleAssignment> grantableRoles(Requester requester, Organization organization) {
        List<RoleAssignment> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            for (boolean ordering : new boolean[] {false, true}) {
                RoleAssignment candidate = new RoleAssignment(role, ordering);
                try {
                    requireCanGrant(requester, candidate, organization);
                    roles.add(candidate);
                } catch (Refusal notThisOne) {
                    // not offered
                }
            }
        }
        return roles;
    }

    /**
     * The actions this requester could take on the target now, judged by the same checks the actions run (guards that
     * depend on other accounts, such as the last administrator, are checked when the action runs).
     */
    public Set<AccountAction> allowedActions(Requester requester, Account target) {
        Set<AccountAction> allowed = EnumSet.noneOf(AccountAction.class);
        if (!canSee(requester, target)
                || !requester.isManager()
                || !requester.account().isInGoodStanding()) {
            return allowed;
        }
        boolean self = requester.is(target);
        boolean outranked = outranks(target, requester);
        if (!outranked) {
            allowed.add(AccountAction.EDIT);
        }
        if (target.locked()) {
            allowed.add(AccountAction.UNLOCK);
        }
        if (!target.isActive()) {
            allowed.add(AccountAction.REACTIVATE);
        }
        if (target.isActive() && !self && !outranked) {
            allowed.add(AccountAction.INACTIVATE);
        }
        if (!self && !outranked) {
            allowed.add(AccountAction.RESET_PASSWORD);
        }
        return allowed;
    }

    private static boolean outranks(Account target, Requester requester) {
        return target.managesUsers()
                && !requester.isHelpDesk()
                && !requester.is(target)
                && !requester.account().role().covers(target.role());
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MINNESOTA);
    }

    /** "Active, Locked": the guide's two columns together. */
    public static String state(Account account) {
        return account.status().label() + ", " + (account.locked() ? "Locked" : "Unlocked");
    }

    private static String standing(Account own) {
        if (!own.isActive() && own.locked()) {
            return own.status().label().toLowerCase(Locale.ROOT) + " and locked";
        }
        return own.isActive() ? "locked" : own.status().label().toLowerCase(Locale.ROOT);
    }

    private static String describe(Period period) {
        if (period.getMonths() == 0 && period.getDays() == 0) {
            return period.getYears() + (period.getYears() == 1 ? " year" : " years");
        }
        return period.toString();
    }
}
