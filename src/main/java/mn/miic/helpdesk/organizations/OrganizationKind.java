package mn.miic.helpdesk.organizations;

/** The kinds of organization in SPEC 2.1. The MIIC program itself is the one of kind {@link #STATE}. */
public enum OrganizationKind {
    STATE("MIIC program"),
    HEALTH_SYSTEM("Health system"),
    CLINIC("Clinic"),
    HOSPITAL("Hospital"),
    PHARMACY("Pharmacy"),
    LOCAL_PUBLIC_HEALTH("Local public health"),
    SCHOOL("School"),
    CHILD_CARE("Child care (DHS Rule 3)"),
    OTHER("Other");

    private final String label;

    OrganizationKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The guide: "Schools and DHS Rule 3 child care organizations should all have read only users." */
    public boolean readOnlyRolesOnly() {
        return this == SCHOOL || this == CHILD_CARE;
    }
}
