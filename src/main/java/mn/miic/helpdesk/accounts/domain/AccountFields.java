package mn.miic.helpdesk.accounts.domain;

/** The names of the Add/Edit User form's fields, shared by validation errors and the views that show them. */
public final class AccountFields {
    public static final String FIRST_NAME = "first_name";
    public static final String LAST_NAME = "last_name";
    public static final String MIDDLE_INITIAL = "middle_initial";
    public static final String USERNAME = "username";
    public static final String ROLE = "role";
    public static final String STATUS = "status";
    public static final String LOCKED = "locked";
    public static final String AREA_CODE = "area_code";
    public static final String PHONE = "phone";
    public static final String EXTENSION = "extension";
    public static final String EMAIL = "email";
    public static final String USER_DUA_DATE = "user_dua_date";
    public static final String ACCESS_UNTIL = "access_until";
    public static final String ADDITIONAL_ORGANIZATIONS = "additional_organizations";
    public static final String ORGANIZATION = "organization";
    public static final String INACTIVATION_REASON = "inactivation_reason";
    public static final String OVERRIDE_REASON = "override_reason";

    private AccountFields() {}
}
