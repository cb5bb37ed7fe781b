package mn.miic.helpdesk.accounts.access;

import mn.miic.helpdesk.organizations.Organization;

/**
 * How many active people would still manage users at a location after a change, for the guard "no change may leave a
 * location with no active Administrator (or a parent organization with no active Health System User)".
 */
public record StaffingChange(
        Organization organization,
        int managersBefore,
        int managersAfter,
        boolean hasChildren,
        int healthSystemUsersBefore,
        int healthSystemUsersAfter) {

    public boolean leavesNoManager() {
        return managersBefore > 0 && managersAfter == 0;
    }

    public boolean leavesNoHealthSystemUser() {
        return hasChildren && healthSystemUsersBefore > 0 && healthSystemUsersAfter == 0;
    }
}
