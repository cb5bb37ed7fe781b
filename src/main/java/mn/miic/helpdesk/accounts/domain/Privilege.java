package mn.miic.helpdesk.accounts.domain;

/** What a role lets its holder do, from the guide's "Identifying user roles". */
public enum Privilege {
    VIEW_CLIENTS("Look up and view clients"),
    EDIT_CLIENTS_AND_IMMUNIZATIONS("Add clients, edit demographics, add and edit immunizations"),
    LISTS_AND_ASSESSMENT_REPORTS("List features and assessment reports"),
    DATA_EXCHANGE("Data exchange features"),
    INVENTORY("View inventory and vaccine usage"),
    MANAGE_USERS("Manage and maintain users"),
    MANAGE_CLINICIANS_SITES_PHYSICIANS("Manufacturer information; manage clinicians, sites and physicians"),
    CHILD_ORGANIZATIONS("Access to every child organization and its users"),
    VACCINE_ORDERING("Vaccine ordering");

    private final String description;

    Privilege(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
