package mn.miic.helpdesk.accounts.access;

import java.time.LocalDate;
import java.time.Period;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.organizations.Organization;

/**
 * Each rule of SPEC 3 stated once, as the refusal it makes or nothing. {@link AccessPolicy} derives from these both
 * the checks the use cases run ({@code require...}) and what the views offer (allowed actions, grantable roles), so
 * that a button is shown exactly when its action would pass.
 */
final class Rules {

    private Rules() {}

    /** The first refusal of these, in order, or nothing. */
    @SafeVarargs
    static Optional<Refusal> first(Supplier<Optional<Refusal>>... rules) {
        for (Supplier<Optional<Refusal>> rule : rules) {
            Optional<Refusal> refusal = rule.get();
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    /** Managers in good standing only: the precondition of searching, viewing others, and every change. */
    static Optional<Refusal> manager(Requester requester, String whatTheyTried) {
        Account own = requester.account();
        if (!own.isInGoodStanding()) {
            return Optional.of(Refusal.notAllowed("Your MIIC account is " + standing(own)
                    + ", so you can only see your own account and ask for help (/miic request). Until it is sorted out"
                    + " you cannot " + whatTheyTried + "."));
        }
        if (!requester.isManager()) {
            return Optional.of(Refusal.notAllowed("Only a MIIC administrator (Read Only Administrator, Administrator"
                    + " or Health System User) can " + whatTheyTried + ". Your role is "
                    + own.role().label()
                    + "; ask your site's MIIC administrator."));
        }
        return Optional.empty();
    }

    /** Outside one's scope an account is answered as if it did not exist. */
    static Optional<Refusal> inScope(Requester requester, Account target, String typedUsername) {
        return requester.reach().includes(target.organizationId())
                ? Optional.empty()
                : Optional.of(Refusal.notFound(typedUsername));
    }

    static Optional<Refusal> managesOrganization(Requester requester, Organization organization, String tried) {
        return first(
                () -> manager(requester, tried),
                () -> requester.reach().includes(organization.id())
                        ? Optional.empty()
                        : Optional.of(Refusal.notAllowed("You do not manage the users of " + organization.displayName()
                                + ". Use /miic org to see the organizations you can manage.")));
    }

    /** Self-protection: nobody inactivates, locks, demotes or resets themselves through admin commands. */
    static Optional<Refusal> notSelf(Requester requester, Account target, String whatTheyTried) {
        return requester.is(target)
                ? Optional.of(Refusal.notAllowed("You cannot " + whatTheyTried + " your own account with administrator"
                        + " commands. Ask another administrator of your site, or the MIIC help desk."))
                : Optional.empty();
    }

    /**
     * No escalation: a role may be given only when all its privileges are the giver's own; Health System User only by a
     * Health System User; Ordering only by a role with Ordering. This holds for help-desk agents too (their reach is
     * every organization, their rank is their own role). Schools and child care organizations get read-only roles
     * only, whoever gives them.
     */
    static Optional<Refusal> canGrant(Requester requester, RoleAssignment role, Organization organization) {
        if (organization.kind().readOnlyRolesOnly() && (!role.role().isReadOnly() || role.ordering())) {
            return Optional.of(Refusal.notAllowed(organization.kind().label() + " organizations such as "
                    + organization.displayName()
                    + " get read-only roles only: choose Read Only or Read Only Administrator, without Ordering."));
        }
        RoleAssignment own = requester.account().role();
        if (role.role() == Role.HEALTH_SYSTEM_USER && own.role() != Role.HEALTH_SYSTEM_USER) {
            return Optional.of(Refusal.notAllowed("Only a Health System User can give the Health System User role."
                    + (requester.isHelpDesk() ? "" : " Ask the MIIC help desk.")));
        }
        if (role.ordering() && !own.ordering()) {
            return Optional.of(
                    Refusal.notAllowed("Only a user whose own role is \"with Ordering\" can give Ordering."));
        }
        if (!own.covers(role)) {
            return Optional.of(Refusal.notAllowed("You can only give roles whose privileges you have yourself: a "
                    + own.label() + " cannot give the role " + role.label() + "."));
        }
        return Optional.empty();
    }

    /**
     * Changing, inactivating or resetting another administrator's account whose role has privileges the requester lacks
     * would hand those privileges over (a reset delivers the password to the requester when the account has no Slack
     * user), so it takes someone who could have given that role. Staff accounts (roles that do not manage users) are
     * what every site administrator looks after; unlocking and reactivating only restore access and need no rank. The
     * help desk too: its rank is its own role.
     */
    static Optional<Refusal> outranksOrEquals(Requester requester, Account target, String whatTheyTried) {
        boolean outranked = target.managesUsers()
                && !requester.is(target)
                && !requester.account().role().covers(target.role());
        return outranked
                ? Optional.of(Refusal.notAllowed("You cannot " + whatTheyTried + " " + target.displayName()
                        + ": their role, " + target.role().label() + ", has privileges your role ("
                        + requester.account().role().label()
                        + ") does not. "
                        + (requester.isHelpDesk()
                                ? "Ask a help-desk agent whose role has them."
                                : "Ask a Health System User or the MIIC help desk.")))
                : Optional.empty();
    }

    /** New users only under a current Data Use Agreement. */
    static Optional<Refusal> currentDua(Organization organization, LocalDate today, Period validFor) {
        if (organization.duaDate() == null) {
            return Optional.of(Refusal.notAllowed(organization.displayName() + " has no Data Use Agreement date on file"
                    + " with MIIC, so no users can be added. Contact the MIIC help desk at "
                    + AccessPolicy.HELP_DESK_EMAIL + "."));
        }
        LocalDate lapsedOn = organization.duaDate().plus(validFor);
        return lapsedOn.isAfter(today)
                ? Optional.empty()
                : Optional.of(Refusal.notAllowed("The Data Use Agreement of " + organization.displayName()
                        + " is dated " + organization.duaDate() + " and lapsed on " + lapsedOn
                        + " (a DUA is valid for " + describe(validFor) + "). No users can be added until it is renewed"
                        + " with MIIC: contact " + AccessPolicy.HELP_DESK_EMAIL + "."));
    }

    /** The last-administrator guard. Only the help desk may override it, and only with a written reason. */
    static Optional<Refusal> staffingKept(Requester requester, StaffingChange change, String overrideReason) {
        String problem = null;
        if (change.leavesNoManager()) {
            problem = "This would leave " + change.organization().displayName()
                    + " with no active administrator to manage its users.";
        } else if (change.leavesNoHealthSystemUser()) {
            problem = "This would leave " + change.organization().displayName()
                    + ", a parent organization, with no active Health System User.";
        }
        if (problem == null || (requester.isHelpDesk() && overrideReason != null && !overrideReason.isBlank())) {
            return Optional.empty();
        }
        return Optional.of(Refusal.guard(
                requester.isHelpDesk()
                        ? problem + " To do it anyway, confirm with a written reason."
                        : problem + " Add or activate another administrator first, or ask the MIIC help desk."));
    }

    static Optional<Refusal> overrideOnlyByHelpDesk(Requester requester, String overrideReason) {
        return overrideReason != null && !overrideReason.isBlank() && !requester.isHelpDesk()
                ? Optional.of(Refusal.notAllowed("Only the MIIC help desk can override a safety rule."))
                : Optional.empty();
    }

    // State rules: anything else is answered with the account's real state, and nothing changes.

    static Optional<Refusal> locked(Account target) {
        return target.locked()
                ? Optional.empty()
                : Optional.of(Refusal.wrongState(target.displayName() + " is not locked (status: "
                        + AccessPolicy.state(target) + "). Nothing was changed."));
    }

    static Optional<Refusal> inactive(Account target) {
        return target.isActive()
                ? Optional.of(Refusal.wrongState(target.displayName() + " is already active (status: "
                        + AccessPolicy.state(target) + "). Nothing was changed."))
                : Optional.empty();
    }

    static Optional<Refusal> active(Account target) {
        return target.isActive()
                ? Optional.empty()
                : Optional.of(Refusal.wrongState(target.displayName() + " is already inactive (status: "
                        + AccessPolicy.state(target) + "). Nothing was changed."));
    }

    /**
     * The checks an action runs on its target before any guard that depends on other accounts: what a confirmation
     * or a form is shown after, and what decides whether its button is offered at all.
     */
    static Optional<Refusal> mayStart(Requester requester, Account target, String typedUsername, AccountAction action) {
        Supplier<Optional<Refusal>> manages = () -> first(
                () -> manager(requester, action.whatTheyTried()), () -> inScope(requester, target, typedUsername));
        return switch (action) {
            case EDIT -> first(manages, () -> outranksOrEquals(requester, target, "edit"));
            case UNLOCK -> first(manages, () -> locked(target));
            case REACTIVATE -> first(manages, () -> inactive(target));
            case INACTIVATE -> first(
                    manages,
                    () -> notSelf(requester, target, "inactivate"),
                    () -> outranksOrEquals(requester, target, "inactivate"),
                    () -> active(target));
            case RESET_PASSWORD -> first(
                    manages,
                    () -> notSelf(requester, target, "reset the password of"),
                    () -> outranksOrEquals(requester, target, "reset the password of"));
        };
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
