package mn.miic.helpdesk.organizations;

import java.time.LocalDate;
import java.util.Optional;

/** A MIIC organization (a location, a health system, a school, the MIIC program itself). */
public record Organization(long id, String code, String name, OrganizationKind kind, Long parentId, LocalDate duaDate) {

    public Optional<Long> parent() {
        return Optional.ofNullable(parentId);
    }

    public boolean isHelpDesk() {
        return kind == OrganizationKind.STATE;
    }

    /** "Test Clinic (TEST1)", as an administrator reads it. */
    public String displayName() {
        return name + " (" + code + ")";
    }
}
