package mn.miic.helpdesk.accounts.domain;

import java.time.LocalDate;
import java.util.Set;

/** The fields an administrator types on the Add User and Edit User forms, already validated. */
public record AccountDetails(
        String username,
        PersonName name,
        RoleAssignment role,
        Phone phone,
        String email,
        LocalDate userDuaDate,
        Set<Long> additionalOrganizationIds,
        LocalDate accessUntil) {

    public AccountDetails {
        additionalOrganizationIds = Set.copyOf(additionalOrganizationIds);
    }
}
