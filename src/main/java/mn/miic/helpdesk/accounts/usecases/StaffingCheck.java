package mn.miic.helpdesk.accounts.usecases;

import mn.miic.helpdesk.accounts.access.StaffingChange;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;

/**
 * Counts who would still manage the target's organization after a change. The caller holds the location's lock
 * ({@link UnitOfWork#lockTargetAndItsLocation}).
 */
final class StaffingCheck {

    private StaffingCheck() {}

    static StaffingChange of(UnitOfWork unit, Account before, Account after) {
        Organization org = unit.organizationOf(before);
        int otherManagers = unit.accounts.countActiveManagers(org.id(), before.id());
        int otherHealthSystemUsers = unit.accounts.countActiveHealthSystemUsers(org.id(), before.id());
        return new StaffingChange(
                org,
                otherManagers + (isManager(before) ? 1 : 0),
                otherManagers + (isManager(after) ? 1 : 0),
                unit.organizations.hasChildren(org.id()),
                otherHealthSystemUsers + (isHealthSystemUser(before) ? 1 : 0),
                otherHealthSystemUsers + (isHealthSystemUser(after) ? 1 : 0));
    }

    private static boolean isManager(Account a) {
        return a.isActive() && a.managesUsers();
    }

    private static boolean isHealthSystemUser(Account a) {
        return a.isActive() && a.role().role() == Role.HEALTH_SYSTEM_USER;
    }
}
